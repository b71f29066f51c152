// The side panel's one hook for meeting state: a MeetingSession per (client, meeting).
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client.js';
import type { MeetingController } from './controller.js';
import { MeetingSession, type SessionOptions } from './meeting-session.js';

export function useMeeting(
  client: ApiClient,
  meetingId: string,
  options?: SessionOptions,
): MeetingController {
  const [session] = useState(() => new MeetingSession(client, meetingId, options));
  useEffect(() => {
    session.start();
    return () => {
      session.stop();
    };
  }, [session]);
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
