// The side panel page: inside Teams it signs in with SSO; standalone it runs in local mode.
import { FluentProvider, Spinner } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/client.js';
import { API_BASE_URL, meetingFromUrl, type SimulatedPerson } from '../local/local-identity.js';
import { useMeeting } from '../meeting/use-meeting.js';
import { connectToTeams, type TeamsSession, type TeamsTheme } from '../teams/teams-host.js';
import { fluentThemeFor, systemTheme } from '../theme/themes.js';
import { LocalSignIn } from './LocalSignIn.js';
import { PersonPanel } from './PersonPanel.js';
import { SidePanel } from './SidePanel.js';

type Host = { kind: 'starting' } | { kind: 'teams'; session: TeamsSession } | { kind: 'local' };
const PERSON_KEY = 'roundtable.local.person';

export function SidePanelApp() {
  const [host, setHost] = useState<Host>({ kind: 'starting' });
  const [theme, setTheme] = useState<TeamsTheme>(systemTheme);
  useEffect(() => {
    void connectToTeams().then((session) => {
      if (session === null) {
        setHost({ kind: 'local' });
        return;
      }
      setTheme(session.theme);
      session.onThemeChange(setTheme);
      setHost({ kind: 'teams', session });
    });
  }, []);
  return (
    <FluentProvider theme={fluentThemeFor(theme)} style={{ minHeight: '100vh' }}>
      {host.kind === 'starting' && <Spinner label="Opening Roundtable…" />}
      {host.kind === 'teams' && <TeamsPanel session={host.session} />}
      {host.kind === 'local' && <LocalPanel />}
    </FluentProvider>
  );
}

function TeamsPanel({ session }: { session: TeamsSession }) {
  const client = useMemo(() => new ApiClient(API_BASE_URL, session.getToken), [session]);
  const controller = useMeeting(client, session.meetingId);
  return <SidePanel controller={controller} />;
}

function LocalPanel() {
  const [person, setPerson] = useState<SimulatedPerson | null>(() => {
    const saved = sessionStorage.getItem(PERSON_KEY);
    return saved === null ? null : (JSON.parse(saved) as SimulatedPerson);
  });
  if (person === null) {
    return (
      <LocalSignIn
        onSignIn={(chosen) => {
          sessionStorage.setItem(PERSON_KEY, JSON.stringify(chosen));
          setPerson(chosen);
        }}
      />
    );
  }
  return <PersonPanel person={person} meetingId={meetingFromUrl('local-meeting')} />;
}
