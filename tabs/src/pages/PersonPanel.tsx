// One person's side panel in local mode: their own client, session and view.
import { useMemo } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SimulatedPerson } from '../local/local-identity.js';
import { clientFor } from '../local/local-identity.js';
import type { SharedLive } from '../local/shared-live.js';
import type { SessionOptions } from '../meeting/meeting-session.js';
import { useMeeting } from '../meeting/use-meeting.js';
import { SidePanel } from './SidePanel.js';

interface PersonPanelProps {
  readonly person: SimulatedPerson;
  readonly meetingId: string;
  /** Several panels on one page (the simulator): each is a section, not the main landmark. */
  readonly embedded?: boolean;
  /** A live stream shared by every panel on the page (see SharedLive). */
  readonly sharedLive?: SharedLive;
}

/** Panels sharing a stream learn of private changes (an invitation) by polling, so poll often. */
const SHARED_POLL_MS = 1_500;

export function PersonPanel({ person, meetingId, embedded = false, sharedLive }: PersonPanelProps) {
  const client = useMemo(() => clientFor(person), [person]);
  const options = useMemo<SessionOptions | undefined>(
    () =>
      sharedLive === undefined
        ? undefined
        : { subscribe: sharedLive.subscribe, pollLiveMs: SHARED_POLL_MS },
    [sharedLive],
  );
  return (
    <Session
      key={`${person.name}/${meetingId}`}
      client={client}
      meetingId={meetingId}
      embedded={embedded}
      options={options}
    />
  );
}

interface SessionProps {
  readonly client: ApiClient;
  readonly meetingId: string;
  readonly embedded: boolean;
  readonly options: SessionOptions | undefined;
}

function Session({ client, meetingId, embedded, options }: SessionProps) {
  const controller = useMeeting(client, meetingId, options);
  return <SidePanel controller={controller} embedded={embedded} />;
}
