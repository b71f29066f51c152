// A visually hidden polite live region: "You're next" when your entry reaches the front,
// "You're speaking" when your turn starts, and a new session of the meeting when one begins. It
// speaks only when that changes.
import { useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '@roundtable/core';
import { useI18n } from '../i18n/I18n.js';
import type { MessageKey } from '../i18n/messages/en.js';
import { useVisuallyHiddenStyles } from './styles.js';

type Moment = 'speaking' | 'next' | null;

const MESSAGES: Readonly<Record<Exclude<Moment, null>, MessageKey>> = {
  speaking: 'announce.speaking',
  next: 'announce.next',
};

function momentOf(view: ParticipantView): Moment {
  if (view.current !== null && view.current.participantId === view.you.participantId) {
    return 'speaking';
  }
  return view.you.entries.some((entry) => entry.position === 0) ? 'next' : null;
}

function useAnnouncement(view: ParticipantView): { said: MessageKey | null; count: number } {
  const moment = momentOf(view);
  const previous = useRef<Moment | undefined>(undefined);
  const session = useRef(view.session);
  // The key, not the words: the words are the reader's language's when they are shown.
  const [announcement, setAnnouncement] = useState<{ said: MessageKey | null; count: number }>({
    said: null,
    count: 0,
  });
  useEffect(() => {
    if (view.session === session.current) return;
    session.current = view.session;
    setAnnouncement((last) => ({ said: 'session.new', count: last.count + 1 }));
  }, [view.session]);
  useEffect(() => {
    const before = previous.current;
    previous.current = moment;
    // The first view is the baseline: opening the panel is not news.
    if (before === undefined || before === moment) return;
    setAnnouncement((last) => ({
      said: moment === null ? null : MESSAGES[moment],
      count: last.count + 1,
    }));
  }, [moment]);
  return announcement;
}

export function Announcements({ view }: { view: ParticipantView }) {
  const styles = useVisuallyHiddenStyles();
  const { t } = useI18n();
  const { said, count } = useAnnouncement(view);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>
      {/* A fresh node per announcement, so saying the same words twice is heard twice. */}
      <span key={count}>{said === null ? '' : t(said)}</span>
    </div>
  );
}
