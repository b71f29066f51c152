// Tells people about a commit: the public view to everyone watching, a content-free nudge to those
// whose own view changed, and the bot's private in-meeting notices. Every part is awaited within a
// bound, because work still running after an Azure Functions handler returns may never finish.
import type { MeetingEvent, MeetingState } from '@roundtable/core';
import { parseTeamsMeetingId, publicView } from '@roundtable/core';
import { LRUCache } from 'lru-cache';
import { announcementFor, privateNotices } from './announce.js';
import type {
  Broadcaster,
  Clock,
  ContactSealer,
  InMeetingNotice,
  InMeetingNotifier,
  StoredMeeting,
} from './ports.js';

/** How long a command's answer may wait for its broadcast and notices. */
export const ANNOUNCE_BOUND_MS = 2_000;
/** A person hears from the bot at most once a minute, however the queue moves around them. */
export const NOTICE_INTERVAL_MS = 60_000;

export interface AnnouncedMeeting {
  readonly meetingKey: string;
  readonly meetingId: string;
  /** The acting person's tenant, where the bot reaches the meeting. */
  readonly tenantId?: string | undefined;
}

export interface AnnouncerDependencies {
  readonly broadcaster: Broadcaster;
  readonly clock: Clock;
  /** Teams only: the bot's private in-meeting notices, and the sealer for people's Teams ids. */
  readonly notices?: { readonly notifier: InMeetingNotifier; readonly contacts: ContactSealer };
  readonly boundMs?: number;
}

export class Announcer {
  private readonly boundMs: number;
  /** When each person was last told something by the bot, per meeting. */
  private readonly lastNotice = new LRUCache<string, number>({ max: 50_000 });

  constructor(private readonly deps: AnnouncerDependencies) {
    this.boundMs = deps.boundMs ?? ANNOUNCE_BOUND_MS;
  }

  /** Settles once everyone is told, or after the bound; never rejects. */
  announce(
    meeting: AnnouncedMeeting,
    previous: StoredMeeting,
    committed: StoredMeeting,
    events: readonly MeetingEvent[],
  ): Promise<void> {
    const { meetingKey, meetingId } = meeting;
    const before = previous.state;
    const meta = { meetingId, version: committed.publicVersion };
    const published = committed.publicVersion !== previous.publicVersion;
    const announcement = announcementFor(before, committed.state, events, meta, published);
    const work: Promise<unknown>[] = [];
    const { broadcaster } = this.deps;
    const ended = before.phase === 'live' && committed.state.phase === 'ended';
    if (announcement.kind === 'publish') {
      const sent = broadcaster.publish(meetingKey, announcement.view);
      // Everyone sees the end; then no connection outlives the session it was granted for.
      work.push(ended ? sent.then(() => broadcaster.disconnectAll(meetingKey)) : sent);
    }
    if (announcement.kind === 'nudge')
      work.push(broadcaster.nudge(meetingKey, announcement.participantIds));
    work.push(this.notify(meeting, before, committed, events));
    return this.bounded(Promise.allSettled(work));
  }

  /** Shows everyone the meeting as it is now (a session that has just opened). */
  publish(meetingKey: string, meetingId: string, meeting: StoredMeeting): Promise<void> {
    const view = publicView(meeting.state, { meetingId, version: meeting.publicVersion });
    return this.bounded(this.deps.broadcaster.publish(meetingKey, view));
  }

  private async notify(
    { meetingKey, meetingId, tenantId }: AnnouncedMeeting,
    before: MeetingState,
    committed: StoredMeeting,
    events: readonly MeetingEvent[],
  ): Promise<void> {
    const notices = this.deps.notices;
    if (notices === undefined) return;
    // Targeted in-meeting notices are not offered in channel meetings (in-meeting-notification-for-meeting.md).
    if (parseTeamsMeetingId(meetingId)?.kind !== 'chat') return;
    const now = this.deps.clock();
    const byNotice = new Map<InMeetingNotice, string[]>();
    for (const { participantId, notice } of privateNotices(before, committed.state, events)) {
      const sealed = committed.state.participants[participantId]?.contact;
      if (sealed === undefined) continue;
      const recipient = notices.contacts.open(committed.salt, participantId, sealed);
      if (recipient === null) continue;
      const key = `${meetingKey}/${participantId}`;
      const last = this.lastNotice.get(key);
      if (last !== undefined && now - last < NOTICE_INTERVAL_MS) continue;
      this.lastNotice.set(key, now);
      byNotice.set(notice, [...(byNotice.get(notice) ?? []), recipient]);
    }
    await Promise.all(
      [...byNotice].map(([notice, recipients]) =>
        notices.notifier.notify(
          { meetingId, ...(tenantId === undefined ? {} : { tenantId }) },
          notice,
          recipients,
        ),
      ),
    );
  }

  private bounded(work: Promise<unknown>): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.boundMs);
      void work.finally(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
