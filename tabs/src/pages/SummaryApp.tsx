// summary.html: the inclusion summary on its own page. Inside Teams, for the signed-in person;
// in local mode, for a simulated organiser (`?as=` names them, `?meeting=` the meeting).
import { useMemo } from 'react';
import { clientFor, meetingFromUrl } from '../local/local-identity.js';
import { apiSummarySource } from '../summary/api-summary-source.js';
import type { HostSource } from '../teams/teams-host.js';
import { HostedPage } from './HostedPage.js';
import { SignedIn } from './SignedIn.js';
import { SummaryPage } from './SummaryPage.js';
import { TeamsSummary } from './TeamsSummary.js';

export function SummaryApp({ source }: { source?: HostSource | undefined }) {
  return (
    <HostedPage
      source={source}
      local={() => <LocalSummary />}
      teams={(session) => (
        <SignedIn session={session}>
          {(client, signInLost) => (
            <TeamsSummary client={client} session={session} onSignInLost={signInLost} />
          )}
        </SignedIn>
      )}
    />
  );
}

function LocalSummary() {
  const summarySource = useMemo(() => {
    const name = new URLSearchParams(window.location.search).get('as') ?? 'Organiser';
    const meetingId = meetingFromUrl('local-meeting');
    return apiSummarySource(clientFor({ name, role: 'organizer' }), meetingId);
  }, []);
  return (
    <main>
      <SummaryPage source={summarySource} />
    </main>
  );
}
