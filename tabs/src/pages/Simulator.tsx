// /dev (local mode only): several people's side panels side by side, plus the summary, so one
// person can run a whole meeting on one laptop.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { meetingFromUrl, type SimulatedPerson } from '../local/local-identity.js';
import { SharedLive } from '../local/shared-live.js';
import { ThemedPage } from '../theme/ThemedPage.js';
import { systemTheme } from '../theme/themes.js';
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
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: tokens.spacingHorizontalS,
  },
  summary: {
    flex: '0 0 420px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const STARTING_PEOPLE: SimulatedPerson[] = [
  { name: 'Olu', role: 'organizer' },
  { name: 'Ana', role: 'attendee' },
  { name: 'Ben', role: 'attendee' },
];

export function Simulator() {
  const styles = useStyles();
  const [meetingId, setMeetingId] = useState(() =>
    meetingFromUrl(`simulated-${Date.now().toString(36)}`),
  );
  const [people, setPeople] = useState<SimulatedPerson[]>(STARTING_PEOPLE);
  // One live stream for the whole page, renewed with each new meeting.
  const sharedLive = useMemo(() => new SharedLive(meetingId), [meetingId]);
  return (
    <ThemedPage theme={systemTheme()}>
      <main className={styles.page}>
        <Text as="h1" size={600} weight="semibold">
          Meeting simulator
        </Text>
        <Text>
          Meeting <code>{meetingId}</code>. Each column is one person’s side panel. Local mode only.
        </Text>
        <SimulatorBar
          people={people}
          onAdd={(person) => {
            setPeople([...people, person]);
          }}
          onNewMeeting={() => {
            setMeetingId(`simulated-${Date.now().toString(36)}`);
          }}
        />
        <div className={styles.panels}>
          {people.map((person) => (
            <section
              key={`${meetingId}/${person.name}`}
              className={styles.panel}
              aria-label={`${person.name}’s side panel`}
            >
              <div className={styles.panelHeader}>
                <Text weight="semibold">
                  {person.name} · {person.role}
                </Text>
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
              <PersonPanel person={person} meetingId={meetingId} embedded sharedLive={sharedLive} />
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
  );
}
