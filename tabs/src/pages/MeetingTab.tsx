// The configured tab's one page: the side panel (also in the stage dialog of a "You're next"
// notice), or the summary as the meeting's chat or details tab; in local mode, a simulated person's
// side panel.
import { Suspense, lazy } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SignInError } from '../api/errors.js';
import { Waiting } from '../components/access/Waiting.js';
import { useI18n } from '../i18n/I18n.js';
import { useMeeting, type SleepSchedule } from '../meeting/use-meeting.js';
import type { HostSource } from '../teams/teams-host.js';
import { showsSummary } from '../teams/teams-session.js';
import { HostedPage } from './HostedPage.js';
import { LocalSidePanel } from './LocalSidePanel.js';
import { SidePanel } from './SidePanel.js';
import { SignedIn } from './SignedIn.js';

// Loaded only where the tab is the meeting's chat or details tab, so the side panel stays small.
const TeamsSummary = lazy(() =>
  import('./TeamsSummary.js').then((module) => ({ default: module.TeamsSummary })),
);

export function MeetingTab({ source }: { source?: HostSource | undefined }) {
  return (
    <HostedPage
      source={source}
      surface="panel"
      local={() => <LocalSidePanel />}
      teams={(session, lifecycle) => (
        <SignedIn session={session}>
          {(client, signInLost) =>
            showsSummary(session.frameContext) ? (
              <Suspense fallback={<OpeningSummary />}>
                <TeamsSummary client={client} session={session} onSignInLost={signInLost} />
              </Suspense>
            ) : (
              // A panel resumed into another meeting starts afresh; the same meeting wakes up.
              <TeamsPanel
                key={session.meetingId}
                client={client}
                meetingId={session.meetingId}
                schedule={lifecycle}
                onSignInLost={signInLost}
              />
            )
          }
        </SignedIn>
      )}
    />
  );
}

function OpeningSummary() {
  const { t } = useI18n();
  return <Waiting label={t('summary.opening')} />;
}

interface TeamsPanelProps {
  readonly client: ApiClient;
  readonly meetingId: string;
  readonly schedule: SleepSchedule;
  readonly onSignInLost: (error: SignInError) => void;
}

function TeamsPanel({ client, meetingId, schedule, onSignInLost }: TeamsPanelProps) {
  const controller = useMeeting(client, meetingId, { onSignInLost }, schedule);
  return <SidePanel controller={controller} />;
}
