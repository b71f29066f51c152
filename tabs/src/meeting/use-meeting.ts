// The side panel's one hook for meeting state: a MeetingSession per (client, meeting), asleep
// while Teams keeps the panel cached.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client.js';
import type { MeetingController } from './controller.js';
import { MeetingSession, type SessionOptions } from './meeting-session.js';

/** Tells a session when to sleep and wake (Teams' app caching); see teams/lifecycle.ts. */
export interface SleepSchedule {
  readonly sleeping: boolean;
  add(sleeper: { sleep(): void; wake(): void }): () => void;
}

export function useMeeting(
  client: ApiClient,
  meetingId: string,
  options?: SessionOptions,
  schedule?: SleepSchedule,
): MeetingController {
  const [session] = useState(() => new MeetingSession(client, meetingId, options));
  useEffect(() => {
    if (schedule?.sleeping !== true) session.start();
    const leave = schedule?.add({
      sleep: () => {
        session.stop();
      },
      wake: () => {
        session.start();
      },
    });
    return () => {
      leave?.();
      session.stop();
    };
  }, [session, schedule]);
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
