// The summary tab (meeting chat / details): Teams SSO inside Teams, a simulated organiser locally.
import { FluentProvider, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiClient } from '../api/client.js';
import { API_BASE_URL, clientFor, meetingFromUrl } from '../local/local-identity.js';
import type { SummarySource } from '../summary/source.js';
import { connectToTeams, type TeamsTheme } from '../teams/teams-host.js';
import { fluentThemeFor, systemTheme } from '../theme/themes.js';
import { summarySource } from './SummaryPanel.js';
import { SummaryPage } from './SummaryPage.js';

export function SummaryApp() {
  const [source, setSource] = useState<SummarySource | null>(null);
  const [theme, setTheme] = useState<TeamsTheme>(systemTheme);
  useEffect(() => {
    void connectToTeams().then((session) => {
      if (session === null) {
        const person = {
          name: new URLSearchParams(window.location.search).get('as') ?? 'Organiser',
          role: 'organizer' as const,
        };
        const meetingId = meetingFromUrl('local-meeting');
        setSource(summarySource(clientFor(person), meetingId));
        return;
      }
      setTheme(session.theme);
      session.onThemeChange(setTheme);
      setSource(summarySource(new ApiClient(API_BASE_URL, session.getToken), session.meetingId));
    });
  }, []);
  return (
    <FluentProvider theme={fluentThemeFor(theme)} style={{ minHeight: '100vh' }}>
      <main>
        {source === null ? (
          <Spinner label="Opening the summary…" />
        ) : (
          <SummaryPage source={source} />
        )}
      </main>
    </FluentProvider>
  );
}
