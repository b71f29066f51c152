// The ending job: end the session, build and keep the summary, forget everyone, then tell the
// organiser. Each step can run again safely, so a crash half-way loses nothing and a retry repeats
// nothing but (at worst, after a crash between sending and noting it) the notice.
import type { MeetingSettings } from '@roundtable/core';
import { forgetPeople, summarize } from '@roundtable/core';
import type { Delivery, EndJob, SummaryStore } from './ending-ports.js';
import { DependencyUnavailableError, StoreConflictError } from './errors.js';
import type { MeetingCommitter } from './meeting-committer.js';
import type { Clock, MeetingStore, Pseudonymiser, StoredMeeting } from './ports.js';
import { chatIdFromMeetingId, summaryLink } from './teams-ids.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface EndingDependencies {
  readonly store: MeetingStore;
  readonly committer: MeetingCommitter;
  readonly summaries: SummaryStore;
  readonly delivery: Delivery;
  readonly clock: Clock;
  readonly settings: Partial<MeetingSettings>;
  readonly summaryRetentionDays: number;
  readonly pseudonyms: Pseudonymiser;
  /**
   * Where the organiser reads summaries. It names no meeting: the card is kept in the local outbox,
   * and no stored row may hold a raw meeting id.
   */
  readonly summaryUrl: string;
  /**
   * Teams only (where the card is posted, never stored): the app id, so the card deep-links to the
   * Roundtable tab in the meeting chat. Null links to summaryUrl.
   */
  readonly teamsAppId?: string | null;
}

export type EndOutcome = 'unknown-meeting' | 'already-forgotten' | 'ended';

export class MeetingEnder {
  constructor(private readonly deps: EndingDependencies) {}

  async run(job: EndJob): Promise<EndOutcome> {
    const { store, committer } = this.deps;
    const loaded = await store.load(job.meetingKey);
    if (loaded === null) return 'unknown-meeting';
    // A forgotten meeting has no salt left: the summary is kept and everyone is forgotten. A retry
    // still finishes what a crash may have cut short: the command rows, and the notice.
    const forgottenBefore = loaded.salt === '';
    if (forgottenBefore) {
      await store.purgeCommands(job.meetingKey);
    } else {
      if (loaded.state.phase === 'live') {
        await committer.submit(job.meetingKey, job.meetingId, {
          participantId: null,
          commandId: null,
          command: { type: 'endSession' },
        });
      }
      const summary = summarize(await store.records(job.meetingKey), {
        k: this.deps.settings.k ?? 3,
      });
      const now = this.deps.clock();
      await this.deps.summaries.put({
        meetingKey: job.meetingKey,
        seriesKey: this.seriesKeyOf(job.meetingId),
        summary,
        storedAt: now,
        expiresAt: now + this.deps.summaryRetentionDays * DAY_MS,
      });
      // Forgotten before anyone is told: a notice that keeps failing must never keep names alive.
      await this.forget(job.meetingKey);
    }
    await this.deliverOnce(job);
    return forgottenBefore ? 'already-forgotten' : 'ended';
  }

  /** Tells the organiser unless that already happened (or the summary was erased meanwhile). */
  private async deliverOnce(job: EndJob): Promise<void> {
    // Idle endings carry no meeting id (it is never stored), so there is no chat to post in.
    if (job.meetingId === '') return;
    const stored = await this.deps.summaries.get(job.meetingKey);
    if (stored === null || stored.deliveredAt !== undefined) return;
    await this.deps.delivery.deliverSummary({
      meetingId: job.meetingId,
      meetingKey: job.meetingKey,
      summary: stored.summary,
      summaryUrl: summaryLink(job.meetingId, this.deps.summaryUrl, this.deps.teamsAppId ?? null),
    });
    // A crash between the two lines sends the notice once more on retry: at least once.
    await this.deps.summaries.markDelivered(job.meetingKey, this.deps.clock());
  }

  /** Occurrences of a recurring meeting share its chat, so the chat names the series. */
  private seriesKeyOf(meetingId: string): string | null {
    const chatId = chatIdFromMeetingId(meetingId);
    return chatId === null ? null : this.deps.pseudonyms.seriesKey(chatId);
  }

  /** Drops names, notes and pseudonyms, destroys the salt, and removes the command outcomes. */
  private async forget(meetingKey: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const meeting = await this.deps.store.load(meetingKey);
      if (meeting === null || meeting.salt === '') break;
      try {
        await this.deps.store.commit({
          meetingKey,
          expected: meeting,
          next: forgotten(meeting, this.deps.clock()),
          commands: [],
          records: [],
        });
        break;
      } catch (error) {
        // A late command slipped in; read again and forget that version instead. Still busy after
        // five tries: fail the job so the queue runs it again later.
        if (!(error instanceof StoreConflictError)) throw error;
        if (attempt === 5)
          throw new DependencyUnavailableError('The meeting kept changing while ending.', 30);
      }
    }
    this.deps.committer.forget(meetingKey);
    await this.deps.store.purgeCommands(meetingKey);
  }
}

function forgotten(meeting: StoredMeeting, now: number): Omit<StoredMeeting, 'etag'> {
  return {
    state: forgetPeople(meeting.state),
    version: meeting.version + 1,
    salt: '',
    createdAt: meeting.createdAt,
    lastActiveAt: now,
  };
}
