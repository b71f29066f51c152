// What Teams would record about a local meeting, kept by the local Graph as Microsoft's cloud keeps
// it: who was in the call and when (the simulator's participant join and leave activities), when
// each microphone opened and closed (a queue turn's start and end), and the cues of a transcript.
// It lives in this process's memory only and is gone when the local stack stops; Roundtable's own
// stores learn nothing from it but the numbers the Graph adapter reduces its answers to.
import type { PublicView, Role } from '@roundtable/core';
import type { RosterChange } from '../../application/arrivals.js';
import type { GraphMeeting, GraphMeetingSource } from '../../application/measures-ports.js';
import type { GraphArtefactsOf } from './graph-server.js';
import { artefactsOf, type LocalCall, type LocalPerson } from './local-graph-artefacts.js';

/** The ids local mode uses where Teams would name a tenant or organiser it does not know. */
export const LOCAL_TENANT = '00000000-0000-4000-8000-00000000c0de';
export const LOCAL_ORGANISER = '00000000-0000-4000-8000-0000000000a1';
/** Meetings remembered at most: the oldest are forgotten first (a laptop, not a cloud). */
const MAX_MEETINGS = 200;

interface LocalMeeting {
  readonly meetingId: string;
  tenantId: string;
  organiserId: string;
  readonly calls: LocalCall[];
  /** The turn on the floor, as the last view showed it. */
  turn: { readonly turnId: string; readonly name: string } | null;
}

const ROLE_NAMES: Readonly<Record<Role, 'Organizer' | 'Presenter' | 'Attendee'>> = {
  organizer: 'Organizer',
  presenter: 'Presenter',
  attendee: 'Attendee',
};

export class LocalGraph implements GraphMeetingSource {
  private readonly meetings = new Map<string, LocalMeeting>();
  private readonly byGraphId = new Map<string, LocalMeeting>();

  /** Teams' participant events: people joined or left the call. */
  participants(meetingId: string, changes: readonly RosterChange[], at: number): void {
    const meeting = this.meeting(meetingId, changes[0]?.person.tenantId);
    // Leaving a call that has ended (or never began) opens none.
    if (meeting.calls.at(-1)?.end !== null && !changes.some((change) => change.inMeeting)) return;
    const call = this.openCall(meeting, at);
    for (const change of changes) {
      const { userId, displayName } = change.person;
      if (change.role === 'organizer') meeting.organiserId = userId;
      const person: LocalPerson = call.people.get(userId) ?? {
        id: userId,
        name: displayName,
        role: ROLE_NAMES[change.role ?? 'attendee'],
        intervals: [],
        turns: [],
      };
      call.people.set(userId, person);
      const open = person.intervals.at(-1);
      const inCall = open?.to === null;
      if (change.inMeeting && !inCall) person.intervals.push({ from: at, to: null });
      if (!change.inMeeting && inCall) open.to = at;
    }
  }

  /** Teams says the meeting ended: the call ends, and its report can be read. */
  ended(meetingId: string, at: number): void {
    const meeting = this.meetings.get(meetingId);
    if (meeting !== undefined) this.endCall(meeting, at);
  }

  /** Every view Roundtable publishes: a turn's start opens a microphone, its end closes it. */
  viewed(view: PublicView, at: number): void {
    const meeting = this.meeting(view.meetingId, undefined);
    const current = view.phase === 'live' ? view.current : null;
    if (meeting.turn !== null && meeting.turn.turnId !== current?.turnId) {
      const call = meeting.calls.at(-1);
      const person = call?.end === null ? personNamed(call, meeting.turn.name) : undefined;
      const open = person?.turns.at(-1);
      if (open?.to === null) open.to = at;
      meeting.turn = null;
    }
    if (current !== null && meeting.turn === null) {
      const call = this.openCall(meeting, current.startedAt);
      call.transcript = view.options.transcript;
      let person = personNamed(call, current.displayName);
      if (person === undefined) {
        // Someone on the floor is in the call, whether or not Teams said they joined.
        person = {
          id: `simulated-${String(call.people.size + 1)}`,
          name: current.displayName,
          role: 'Attendee',
          intervals: [{ from: current.startedAt, to: null }],
          turns: [],
        };
        call.people.set(person.id, person);
      }
      person.turns.push({ from: current.startedAt, to: null });
      meeting.turn = { turnId: current.turnId, name: current.displayName };
    }
    if (view.phase === 'live') {
      const call = meeting.calls.at(-1);
      if (call?.end === null) call.transcript = view.options.transcript;
    } else {
      // The simulator has no call apart from the session: the session's end ends the call.
      this.endCall(meeting, at);
    }
  }

  graphMeetingOf(meetingId: string, tenantId?: string): Promise<GraphMeeting | null> {
    const meeting = this.meetings.get(meetingId);
    if (meeting === undefined || meeting.calls.length === 0) return Promise.resolve(null);
    if (tenantId !== undefined && meeting.tenantId === LOCAL_TENANT) meeting.tenantId = tenantId;
    const graphMeetingId = graphIdOf(meeting);
    this.byGraphId.set(graphMeetingId, meeting);
    return Promise.resolve({
      tenantId: meeting.tenantId,
      organiserId: meeting.organiserId,
      graphMeetingId,
    });
  }

  knowsTenant(tenantId: string): boolean {
    return [...this.meetings.values()].some((meeting) => meeting.tenantId === tenantId);
  }

  /** What Graph would answer about a meeting: reports and transcripts of its ended calls. */
  artefacts(organiserId: string, graphMeetingId: string): GraphArtefactsOf | null {
    const meeting = this.byGraphId.get(graphMeetingId);
    if (meeting?.organiserId !== organiserId) return null;
    const ids = { tenantId: meeting.tenantId, organiserId, graphMeetingId };
    return { ids, ...artefactsOf(meeting.calls) };
  }

  private meeting(meetingId: string, tenantId: string | undefined): LocalMeeting {
    let meeting = this.meetings.get(meetingId);
    if (meeting === undefined) {
      meeting = {
        meetingId,
        tenantId: LOCAL_TENANT,
        organiserId: LOCAL_ORGANISER,
        calls: [],
        turn: null,
      };
      this.meetings.set(meetingId, meeting);
      const oldest = this.meetings.keys().next().value;
      if (this.meetings.size > MAX_MEETINGS && oldest !== undefined) this.forget(oldest);
    }
    if (tenantId !== undefined) meeting.tenantId = tenantId;
    return meeting;
  }

  private forget(meetingId: string): void {
    this.meetings.delete(meetingId);
    for (const [graphId, meeting] of this.byGraphId)
      if (meeting.meetingId === meetingId) this.byGraphId.delete(graphId);
  }

  private openCall(meeting: LocalMeeting, at: number): LocalCall {
    const last = meeting.calls.at(-1);
    if (last?.end === null) return last;
    const call: LocalCall = { start: at, end: null, transcript: false, people: new Map() };
    meeting.calls.push(call);
    return call;
  }

  private endCall(meeting: LocalMeeting, at: number): void {
    const call = meeting.calls.at(-1);
    if (call?.end !== null) return;
    call.end = at;
    for (const person of call.people.values()) {
      for (const span of [...person.intervals, ...person.turns]) span.to ??= at;
    }
    meeting.turn = null;
  }
}

function personNamed(call: LocalCall | undefined, name: string) {
  return [...(call?.people.values() ?? [])].find((person) => person.name === name);
}

/** Shaped like the meeting details' msGraphResourceId: base64 of `1*{organiser}*0**{thread id}`. */
function graphIdOf(meeting: LocalMeeting): string {
  return Buffer.from(`1*${meeting.organiserId}*0**${meeting.meetingId}`).toString('base64');
}
