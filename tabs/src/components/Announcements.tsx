// A visually hidden polite live region: "You're next" when your entry reaches the front,
// "You're speaking" when your turn starts. It speaks only when that changes.
import { useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '@roundtable/core';
import { useVisuallyHiddenStyles } from './styles.js';

type Moment = 'speaking' | 'next' | null;

const MESSAGES: Readonly<Record<Exclude<Moment, null>, string>> = {
  speaking: "You're speaking",
  next: "You're next",
};

function momentOf(view: ParticipantView): Moment {
  if (view.current !== null && view.current.participantId === view.you.participantId) {
    return 'speaking';
  }
  return view.you.entries.some((entry) => entry.position === 0) ? 'next' : null;
}

function useAnnouncement(view: ParticipantView): { text: string; count: number } {
  const moment = momentOf(view);
  const previous = useRef<Moment | undefined>(undefined);
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  useEffect(() => {
    const before = previous.current;
    previous.current = moment;
    // The first view is the baseline: opening the panel is not news.
    if (before === undefined || before === moment) return;
    setAnnouncement((last) => ({
      text: moment === null ? '' : MESSAGES[moment],
      count: last.count + 1,
    }));
  }, [moment]);
  return announcement;
}

export function Announcements({ view }: { view: ParticipantView }) {
  const styles = useVisuallyHiddenStyles();
  const { text, count } = useAnnouncement(view);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>
      {/* A fresh node per announcement, so saying the same words twice is heard twice. */}
      <span key={count}>{text}</span>
    </div>
  );
}
