// /dev (local mode only): several people's side panels side by side, plus the summary, so one
// person can run a whole meeting on one laptop.
import { LanguageProvider } from '../i18n/I18n.js';
import {
  browserLanguageTag,
  LANGUAGE_NAMES,
  LANGUAGES,
  pickLanguage,
  type Language,
} from '../i18n/languages.js';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { parseTeamsMeetingId, teamsMeetingId } from '@roundtable/core';
import { useId, useMemo, useState } from 'react';
import { clientFor, meetingFromUrl, type SimulatedPerson } from '../local/local-identity.js';
import { meetingStartsOrEnds, peopleJoinOrLeave } from '../local/teams-activities.js';
import { SharedLive } from '../local/shared-live.js';
import { PanelOwnerContext } from '../components/region-label.js';
import { ThemedPage } from '../theme/ThemedPage.js';
import { useSystemTheme } from '../theme/themes.js';
import { PersonPanel } from './PersonPanel.js';
import { SimulatorBar } from './SimulatorBar.js';
import { SummaryPanel } from './SummaryPanel.js';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  panels: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    overflowX: 'auto',
    alignItems: 'flex-start',
  },
  panel: {
    flex: '0 0 320px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  panelHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingHorizontalS,
  },
  teams: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  closed: {
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  summary: {
    flex: '0 0 420px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const SIMULATED_CHANNEL = '19:simulated-channel@thread.tacv2';

const STARTING_PEOPLE: SimulatedPerson[] = [
  { name: 'Olu', role: 'organizer' },
  { name: 'Ana', role: 'attendee' },
  { name: 'Ben', role: 'attendee' },
];

export function Simulator() {
  const styles = useStyles();
  const theme = useSystemTheme();
  const ownerId = useId();
  const [meetingId, setMeetingId] = useState(() =>
    meetingFromUrl(`simulated-${Date.now().toString(36)}`),
  );
  const [people, setPeople] = useState<SimulatedPerson[]>(STARTING_PEOPLE);
  const channel = parseTeamsMeetingId(meetingId)?.kind === 'channel';
  // Teams' side of the meeting: who is in the call, whose Roundtable panel is closed.
  const [inCall, setInCall] = useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [teamsSaid, setTeamsSaid] = useState('');
  // A new meeting starts with nobody in its call and every panel open.
  const startMeeting = (id: string) => {
    setMeetingId(id);
    setInCall(new Set());
    setClosed(new Set());
    setTeamsSaid('');
  };
  const toggled = (set: ReadonlySet<string>, name: string) => {
    const next = new Set(set);
    if (!next.delete(name)) next.add(name);
    return next;
  };
  // Teams' events go through a signed-in simulated person, as the dev route requires.
  const teams = async (
    say: (client: ReturnType<typeof clientFor>) => Promise<number>,
    what: string,
  ) => {
    const by = people[0];
    if (by === undefined) return;
    const status = await say(clientFor(by)).catch(() => 0);
    setTeamsSaid(
      status >= 200 && status < 300 ? `Teams said: ${what}.` : `Teams could not say: ${what}.`,
    );
  };
  // The panels' language: the picker's, kept in the address (?lang=) so a reload keeps it.
  const [languageTag, setLanguageTag] = useState(() =>
    browserLanguageTag(window.location, window.navigator),
  );
  const chooseLanguage = (language: Language) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', language);
    window.history.replaceState(null, '', url);
    setLanguageTag(language);
  };
  // One live stream for the whole page, renewed with each new meeting.
  const sharedLive = useMemo(() => new SharedLive(meetingId), [meetingId]);
  return (
    <LanguageProvider tag={languageTag}>
      <ThemedPage theme={theme}>
        <main className={styles.page}>
          <Text as="h1" size={600} weight="semibold">
            Meeting simulator
          </Text>
          <Text>
            {channel ? 'Channel meeting' : 'Meeting'} <code>{meetingId}</code>. Each column is one
            person’s side panel. Local mode only.
            {channel ? ' Teams sends no join or leave events for channel meetings.' : ''}
          </Text>
          <LanguagePicker language={pickLanguage(languageTag)} onChoose={chooseLanguage} />
          <SimulatorBar
            people={people}
            onAdd={(person) => {
              setPeople([...people, person]);
            }}
            onNewMeeting={() => {
              startMeeting(`simulated-${Date.now().toString(36)}`);
            }}
            onNewChannelMeeting={() => {
              // A channel meeting's id names the channel and the meeting's post in it.
              startMeeting(teamsMeetingId(SIMULATED_CHANNEL, String(Date.now())));
            }}
          />
          <div className={styles.teams} role="group" aria-label="What Teams tells Roundtable">
            <Button
              onClick={() => {
                const by = people[0];
                if (by !== undefined)
                  void teams(
                    (c) => meetingStartsOrEnds(c, by, meetingId, 'Start'),
                    'the meeting started',
                  );
              }}
            >
              Meeting starts
            </Button>
            <Button
              onClick={() => {
                const by = people[0];
                if (by !== undefined)
                  void teams(
                    (c) => meetingStartsOrEnds(c, by, meetingId, 'End', languageTag),
                    'the meeting ended',
                  );
              }}
            >
              Meeting ends
            </Button>
            <Text role="status">{teamsSaid}</Text>
          </div>
          <div className={styles.panels}>
            {people.map((person, index) => (
              <section
                key={`${meetingId}/${person.name}`}
                className={styles.panel}
                aria-label={`${person.name}’s side panel`}
              >
                <div className={styles.panelHeader}>
                  <Text weight="semibold" id={`${ownerId}-${index}`}>
                    {person.name} · {person.role}
                  </Text>
                  <Button
                    size="small"
                    disabledFocusable={channel}
                    onClick={() => {
                      const joining = !inCall.has(person.name);
                      setInCall(toggled(inCall, person.name));
                      void teams(
                        (c) => peopleJoinOrLeave(c, meetingId, [person], joining),
                        `${person.name} ${joining ? 'joined' : 'left'} the call`,
                      );
                    }}
                  >
                    {inCall.has(person.name) ? 'Leave the call' : 'Join the call'}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      setClosed(toggled(closed, person.name));
                    }}
                  >
                    {closed.has(person.name) ? 'Open Roundtable' : 'Close Roundtable'}
                  </Button>
                  <Button
                    size="small"
                    aria-label={`Remove ${person.name}`}
                    onClick={() => {
                      setPeople(people.filter((p) => p !== person));
                    }}
                  >
                    Remove
                  </Button>
                </div>
                {closed.has(person.name) ? (
                  <p className={styles.closed}>{person.name} has not opened Roundtable.</p>
                ) : (
                  // Every panel's regions carry its person's name (see region-label.ts).
                  <PanelOwnerContext value={`${ownerId}-${index}`}>
                    <PersonPanel
                      person={person}
                      meetingId={meetingId}
                      embedded
                      sharedLive={sharedLive}
                    />
                  </PanelOwnerContext>
                )}
              </section>
            ))}
            <section className={styles.summary} aria-label="Summary">
              <SummaryPanel
                meetingId={meetingId}
                person={people.find((p) => p.role === 'organizer') ?? null}
              />
            </section>
          </div>
        </main>
      </ThemedPage>
    </LanguageProvider>
  );
}

/** The simulator's language picker: every panel, the summary and the card follow it. */
function LanguagePicker({
  language,
  onChoose,
}: {
  language: Language;
  onChoose: (language: Language) => void;
}) {
  return (
    <Field label="Language of the panels">
      <Select
        value={language}
        onChange={(_, data) => {
          const chosen = LANGUAGES.find((candidate) => candidate === data.value);
          if (chosen !== undefined) onChoose(chosen);
        }}
      >
        {LANGUAGES.map((candidate) => (
          <option key={candidate} value={candidate} lang={candidate}>
            {LANGUAGE_NAMES[candidate]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
