// Local mode: the cards the organiser would have been sent, checked every few seconds.
import { useEffect, useState } from 'react';
import type { ApiClient, OutboxCard } from '../api/client.js';

export function useOutbox(client: ApiClient, meetingId: string, everyMs = 3_000): OutboxCard[] {
  const [cards, setCards] = useState<OutboxCard[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = () => {
      void client.outbox(meetingId).then(
        (found) => {
          if (!stopped) setCards(found);
        },
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, meetingId, everyMs]);
  return cards;
}
