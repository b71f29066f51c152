// The summary as the meeting's chat or details tab in Teams, for the signed-in person.
import { useMemo } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SignInError } from '../api/errors.js';
import { apiSummarySource } from '../summary/api-summary-source.js';
import type { TeamsSession } from '../teams/teams-session.js';
import { SummaryPage } from './SummaryPage.js';

export interface TeamsSummaryProps {
  readonly client: ApiClient;
  readonly session: TeamsSession;
  readonly onSignInLost: (error: SignInError) => void;
}

export function TeamsSummary({ client, session, onSignInLost }: TeamsSummaryProps) {
  const { meetingId } = session;
  const source = useMemo(
    () => apiSummarySource(client, meetingId, { onSignInLost }),
    [client, meetingId, onSignInLost],
  );
  return (
    <main>
      <SummaryPage source={source} />
    </main>
  );
}
