// A visually hidden polite live region for the moments a person must not miss when they cannot see
// the panel change: "You're next" when your entry reaches the front, "Your turn" when your turn
// starts, "Check-in open" when a host opens one you have not answered, "The host invited you to
// speak" when a host privately asks, and a new session of the meeting when one begins. It speaks
// only when one of those changes, never for the rest of the live updates (other people joining,
// the timebox, a lock), so a screen reader is not talked over through a busy meeting.
import { useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '@roundtable/core';
import { useI18n } from '../i18n/I18n.js';
import type { MessageKey } from '../i18n/messages/en.js';
import { useVisuallyHiddenStyles } from './styles.js';

type Moment = 'speaking' | 'next' | null;

// Keys, not words: the words are the reader's language's when they are said.
export const ANNOUNCEMENTS = {
  speaking: 'announce.speaking',
  next: 'announce.next',
  checkin: 'announce.checkin',
  invited: 'announce.invited',
} as const satisfies Record<string, MessageKey>;

function momentOf(view: ParticipantView): Moment {
  if (view.current !== null && view.current.participantId === view.you.participantId) {
    return 'speaking';
  }
  return view.you.entries.some((entry) => entry.position === 0) ? 'next' : null;
}

/** What the announcer listens to; everything else in a view is not news. */
interface Signals {
  readonly session: number;
  readonly moment: Moment;
  readonly checkinId: string | null;
  readonly answered: boolean;
  readonly invited: boolean;
}

function signalsOf(view: ParticipantView): Signals {
  return {
    session: view.session,
    moment: momentOf(view),
    checkinId: view.checkin?.checkinId ?? null,
    answered: view.you.answeredCheckin,
    invited: view.you.invited,
  };
}

/** The sentences to say going from one view to the next, in the order they matter. */
function newsBetween(before: Signals, now: Signals): MessageKey[] {
  if (now.session !== before.session) return ['session.new'];
  const news: MessageKey[] = [];
  if (now.moment !== before.moment && now.moment !== null) news.push(ANNOUNCEMENTS[now.moment]);
  if (now.invited && !before.invited) news.push(ANNOUNCEMENTS.invited);
  if (now.checkinId !== null && now.checkinId !== before.checkinId && !now.answered)
    news.push(ANNOUNCEMENTS.checkin);
  return news;
}

function useAnnouncement(view: ParticipantView): { said: readonly MessageKey[]; count: number } {
  const signals = signalsOf(view);
  const previous = useRef<Signals | undefined>(undefined);
  const [announcement, setAnnouncement] = useState<{ said: readonly MessageKey[]; count: number }>({
    said: [],
    count: 0,
  });
  const { session, moment, checkinId, answered, invited } = signals;
  useEffect(() => {
    const now = { session, moment, checkinId, answered, invited };
    const before = previous.current;
    previous.current = now;
    // The first view is the baseline: opening the panel is not news.
    if (before === undefined) return;
    const news = newsBetween(before, now);
    if (news.length > 0) {
      setAnnouncement((last) => ({ said: news, count: last.count + 1 }));
    } else if (before.moment !== null && moment === null) {
      // No longer next or speaking: the old sentence goes, so nobody reading the page later
      // finds it there. An emptied region is not read out.
      setAnnouncement((last) => ({ said: [], count: last.count + 1 }));
    }
  }, [session, moment, checkinId, answered, invited]);
  return announcement;
}

export function Announcements({ view }: { view: ParticipantView }) {
  const styles = useVisuallyHiddenStyles();
  const { t } = useI18n();
  const { said, count } = useAnnouncement(view);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden}>
      {/* A fresh node per announcement, so saying the same words twice is heard twice. */}
      <span key={count}>{said.map((key) => t(key)).join('. ')}</span>
    </div>
  );
}
