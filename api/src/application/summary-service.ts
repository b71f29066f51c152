// The use cases of a meeting's organisers after its sessions: read one session's summary, read
// the series (every session they organised), erase. Access rests on the organiser keys kept with
// each summary, so it outlives Teams' own memory of the meeting; another organiser's sessions in
// the same chat or channel stay theirs.
import type { InclusionSummary } from '@roundtable/core';
import type { MeetingCommitter } from './commit/meeting-committer.js';
import type { Outbox, StoredSummary, SummaryStore } from './ending-ports.js';
import {
  MeetingExpiredError,
  NotOrganiserError,
  SummaryNotFoundError,
  SummaryNotReadyError,
} from './errors.js';
import type { Caller, MeetingStore, Pseudonymiser, RoleDirectory } from './ports.js';

export interface SummaryServiceDependencies {
  readonly store: MeetingStore;
  readonly committer: MeetingCommitter;
  readonly summaries: SummaryStore;
  readonly roles: RoleDirectory;
  readonly pseudonyms: Pseudonymiser;
  /** Local mode's outbox, erased with the summaries it announced. */
  readonly outbox: Outbox | null;
}

export interface SessionSummary {
  readonly session: number;
  readonly summary: InclusionSummary;
}

export interface Erased {
  readonly sessions: number;
  readonly meetingRows: number;
  readonly summaries: number;
  readonly outboxEntries: number;
}

export class SummaryService {
  constructor(private readonly deps: SummaryServiceDependencies) {}

  /** One session's summary (the latest the caller organised, unless a session is named). */
  async summary(meetingId: string, caller: Caller, session?: number): Promise<SessionSummary> {
    const meetingKey = this.deps.pseudonyms.meetingKey(meetingId);
    const readable = await this.readable(meetingKey, caller);
    const chosen =
      session === undefined ? readable.at(-1) : readable.find((s) => s.session === session);
    if (chosen !== undefined) return { session: chosen.session, summary: chosen.summary };
    if (!(await this.organisesNow(meetingId, caller)) && readable.length === 0) {
      throw new NotOrganiserError();
    }
    if (await this.pending(meetingKey, session)) throw new SummaryNotReadyError();
    throw new SummaryNotFoundError(session !== undefined);
  }

  /** Every session of the meeting the caller organised, oldest first: a recurring meeting's trend. */
  async series(meetingId: string, caller: Caller): Promise<SessionSummary[]> {
    const meetingKey = this.deps.pseudonyms.meetingKey(meetingId);
    const readable = await this.readable(meetingKey, caller);
    if (readable.length === 0 && !(await this.organisesNow(meetingId, caller))) {
      throw new NotOrganiserError();
    }
    return readable.map(({ session, summary }) => ({ session, summary }));
  }

  /**
   * Erases what the caller organised: their sessions' summaries and, when they organise the
   * meeting now, the running session itself (it ends with no summary). Others' sessions stay.
   */
  async erase(meetingId: string, caller: Caller): Promise<Erased> {
    const { store, summaries, committer } = this.deps;
    const meetingKey = this.deps.pseudonyms.meetingKey(meetingId);
    const readable = await this.readable(meetingKey, caller);
    // Erasing what one organised never depends on Teams still knowing the meeting (or letting the
    // app in); only the running session needs Teams to say who organises it now.
    const organisesNow = await this.organisesNow(meetingId, caller).catch((error: unknown) => {
      if (readable.length > 0) return false;
      throw error;
    });
    if (readable.length === 0 && !organisesNow) throw new NotOrganiserError();
    const sessions = new Set(readable.map((s) => s.session));
    let meetingRows = 0;
    const current = await store.load(meetingKey);
    if (organisesNow && current !== null) {
      const { session, phase } = current.state;
      if (phase === 'live') {
        // Ends and forgets it in one commit; no ending job is queued, so no summary is built.
        const ended = await committer.submit(meetingKey, meetingId, {
          participantId: null,
          commandId: null,
          command: { type: 'endSession', session },
          session,
        });
        await ended.announced;
      }
      meetingRows = await store.purgeSession(meetingKey, session);
      // Whoever it carried over goes too: the organiser erased the meeting, not only its summary.
      meetingRows += await store.dropCarried(meetingKey);
      sessions.add(session);
    }
    const erasedSummaries = await summaries.erase(meetingKey, [...sessions]);
    const outboxEntries = (await this.deps.outbox?.erase(meetingKey, [...sessions])) ?? 0;
    return {
      sessions: sessions.size,
      meetingRows,
      summaries: erasedSummaries,
      outboxEntries,
    };
  }

  private async readable(meetingKey: string, caller: Caller): Promise<StoredSummary[]> {
    const organiser = this.deps.pseudonyms.organiserKey(caller);
    const all = await this.deps.summaries.list(meetingKey);
    return all.filter((stored) => stored.organisers.includes(organiser));
  }

  /** Whether Teams says the caller organises the meeting now (false once Teams forgot it). */
  private async organisesNow(meetingId: string, caller: Caller): Promise<boolean> {
    try {
      return (await this.deps.roles.membership(meetingId, caller))?.role === 'organizer';
    } catch (error) {
      if (error instanceof MeetingExpiredError) return false;
      throw error;
    }
  }

  /**
   * A session is running, or has ended and its summary is still being built — or none has started
   * yet (sessions open on the first command), so the first one's summary is still to come.
   */
  private async pending(meetingKey: string, session: number | undefined): Promise<boolean> {
    const meeting = await this.deps.store.load(meetingKey);
    if (meeting === null) return session === undefined || session === 1;
    const current = meeting.state.session;
    if (session !== undefined && session !== current) {
      return (await this.deps.store.closing(meetingKey, session)) !== null;
    }
    if (meeting.state.phase === 'live') return true;
    return (await this.deps.store.closing(meetingKey, current)) !== null;
  }
}
