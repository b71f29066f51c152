// The ending job of one session. The commit that ends a session already forgot everyone in it
// (names, salt, contacts); this job ends it if it is still live, builds the summary from records
// nothing can link to a person, keeps it, deletes the records, and tells the organiser. Each step
// can run again safely, so a crash half-way loses nothing and a retry repeats nothing but (at
// worst, after a crash between sending and noting it) the notice.
import type { MeetingSettings, ParticipationRecord } from '@roundtable/core';
import { DAY_MS, summarize } from '@roundtable/core';
import type { MeetingCommitter } from './commit/meeting-committer.js';
import type { Delivery, EndJob, MeetingOrganiserSource, SummaryStore } from './ending-ports.js';
import type { Clock, MeetingStore, Pseudonymiser, StoredMeeting } from './ports.js';
import type { MeasuresFollowUp } from './take-measures.js';
import { summaryLink } from './teams-links.js';

export interface EndingDependencies {
  readonly store: MeetingStore;
  readonly committer: MeetingCommitter;
  readonly summaries: SummaryStore;
  readonly delivery: Delivery;
  readonly clock: Clock;
  readonly settings: Partial<MeetingSettings>;
  readonly summaryRetentionDays: number;
  readonly pseudonyms: Pseudonymiser;
  /** Teams only: the meeting's organiser from its details, for meetings they never opened. */
  readonly organisers?: MeetingOrganiserSource;
  /**
   * Where the organiser reads summaries. It names no meeting: the card is kept in the local outbox,
   * and no stored row may hold a raw meeting id.
   */
  readonly summaryUrl: string;
  /**
   * Teams only (where the card is posted, never stored): the app id, so the card deep-links to the
   * Roundtable tab in the meeting. Null links to summaryUrl.
   */
  readonly teamsAppId?: string | null;
  /** Teams only, unless turned off: a later look at what Teams recorded (take-measures.ts). */
  readonly measures?: MeasuresFollowUp;
}

export type EndOutcome = 'unknown-meeting' | 'nothing-to-end' | 'ended';

export class MeetingEnder {
  constructor(private readonly deps: EndingDependencies) {}

  async run(job: EndJob): Promise<EndOutcome> {
    const { store, committer } = this.deps;
    // A job names its meeting twice; a card must never go to one meeting about another's session.
    // Such a job is malformed: it fails, and after its retries lands in the poison queue.
    if (job.meetingId !== '' && this.deps.pseudonyms.meetingKey(job.meetingId) !== job.meetingKey)
      throw new Error('This ending job names two different meetings; it was not run.');
    const meeting = await store.load(job.meetingKey);
    if (meeting === null) return 'unknown-meeting';
    const session = sessionToEnd(job, meeting);
    if (session === null) return 'nothing-to-end';
    if (meeting.state.phase === 'live' && meeting.state.session === session) {
      const ended = await committer.submit(job.meetingKey, job.meetingId, {
        participantId: null,
        commandId: null,
        command: { type: 'endSession', session },
        session,
      });
      await ended.announced;
    }
    await this.summarise(job, session);
    await this.deps.measures?.schedule(job, session, meeting.state.options.transcript);
    // The summary is kept: the records, command rows and closing row have served their purpose.
    await store.purgeSession(job.meetingKey, session);
    await this.deliverOnce(job, session);
    return 'ended';
  }

  /** Builds and keeps the session's summary, unless it is kept already or nothing happened. */
  private async summarise(job: EndJob, session: number): Promise<void> {
    const { store, summaries } = this.deps;
    if ((await summaries.get(job.meetingKey, session)) !== null) return;
    // No closing row: the session was erased, or an earlier run finished and purged it.
    const closing = await store.closing(job.meetingKey, session);
    if (closing === null) return;
    const records = await store.records(job.meetingKey, session);
    if (!somethingHappened(records)) return;
    const organisers = new Set(closing.organisers);
    const fromTeams =
      job.meetingId === ''
        ? null
        : await this.deps.organisers?.organiserOf(job.meetingId, job.tenantId);
    if (fromTeams) organisers.add(this.deps.pseudonyms.organiserKey(fromTeams));
    const now = this.deps.clock();
    await summaries.put({
      meetingKey: job.meetingKey,
      session,
      organisers: [...organisers],
      summary: summarize(records, { k: this.deps.settings.k ?? 3 }),
      storedAt: now,
      expiresAt: now + this.deps.summaryRetentionDays * DAY_MS,
    });
  }

  /** Tells the organiser unless that already happened (or the summary was erased meanwhile). */
  private async deliverOnce(job: EndJob, session: number): Promise<void> {
    // Timers carry no meeting id (it is never stored), so there is no conversation to post in.
    if (job.meetingId === '') return;
    const stored = await this.deps.summaries.get(job.meetingKey, session);
    if (stored === null || stored.deliveredAt !== undefined) return;
    await this.deps.delivery.deliverSummary({
      meetingId: job.meetingId,
      meetingKey: job.meetingKey,
      session,
      ...(job.tenantId === undefined ? {} : { tenantId: job.tenantId }),
      ...(job.locale === undefined ? {} : { locale: job.locale }),
      summary: stored.summary,
      summaryUrl: summaryLink(job.meetingId, this.deps.summaryUrl, {
        teamsAppId: this.deps.teamsAppId ?? null,
        ...(job.tenantId === undefined ? {} : { tenantId: job.tenantId }),
      }),
    });
    // A crash between the two lines sends the notice once more on retry: at least once.
    await this.deps.summaries.markDelivered(job.meetingKey, session, this.deps.clock());
  }
}

/**
 * Which session a job ends. Teams' meeting-end event names none: it ends the live session, unless
 * that opened after the meeting ended (a late or repeated event must not end the next one); when
 * the last session has ended already, the job finishes that one's work instead.
 */
function sessionToEnd(job: EndJob, meeting: StoredMeeting): number | null {
  if (job.session !== null) return job.session;
  const { phase, session } = meeting.state;
  if (phase === 'ended') return session;
  return meeting.createdAt <= (job.endedAt ?? Infinity) ? session : null;
}

/** A session where people only looked leaves no summary and sends no card. */
function somethingHappened(records: readonly ParticipationRecord[]): boolean {
  return records.some((record) => record.type !== 'arrived' && record.type !== 'sessionEnded');
}
