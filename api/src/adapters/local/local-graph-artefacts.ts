// The local Graph's answers about a meeting's calls, built from what it saw: one attendance report
// per ended call with each person's time in the call and microphone events (a turn's start is an
// `unmute`, its end a `mute`), and, when the organiser turned "read the transcript" on, a WebVTT
// transcript with one `<v Name>` cue per turn. Shapes: graph-shapes.ts.
import type { GraphAttendee, GraphReport, GraphTranscript } from './graph-shapes.js';

export interface Span {
  readonly from: number;
  /** Null while it lasts. */
  to: number | null;
}

export interface LocalPerson {
  /** Their Entra object id as Teams named it (a made-up one for someone Teams never named). */
  readonly id: string;
  readonly name: string;
  readonly role: GraphAttendee['role'];
  readonly intervals: Span[];
  readonly turns: Span[];
}

/** One call of a meeting: a meeting started again is a new call, with a report of its own. */
export interface LocalCall {
  readonly start: number;
  /** Null while the call lasts: Teams produces reports "only … when the meeting ends". */
  end: number | null;
  /** The organiser's "read the transcript" option as the call last showed it. */
  transcript: boolean;
  readonly people: Map<string, LocalPerson>;
}

export function artefactsOf(calls: readonly LocalCall[]): {
  reports: GraphReport[];
  transcripts: GraphTranscript[];
} {
  const reports: GraphReport[] = [];
  const transcripts: GraphTranscript[] = [];
  for (const [index, call] of calls.entries()) {
    if (call.end === null) continue;
    const end = call.end;
    const start = new Date(call.start).toISOString();
    const people = [...call.people.values()].filter((person) => person.intervals.length > 0);
    reports.push({
      id: `local-report-${String(index + 1)}`,
      start,
      end: new Date(end).toISOString(),
      attendees: people.map((person, n) => attendee(person, n, end)),
    });
    if (call.transcript) {
      transcripts.push({
        id: `local-transcript-${String(index + 1)}`,
        created: start,
        ended: new Date(end).toISOString(),
        vtt: webVtt(call, end),
      });
    }
  }
  return { reports, transcripts };
}

function attendee(person: LocalPerson, index: number, end: number): GraphAttendee {
  const iso = (at: number | null) => new Date(at ?? end).toISOString();
  return {
    id: person.id,
    name: person.name,
    // Teams knows addresses; the local Graph makes up one that can reach no one.
    email: `person${String(index + 1)}@simulated.invalid`,
    role: person.role,
    joined: iso(Math.min(...person.intervals.map((span) => span.from))),
    left: iso(Math.max(...person.intervals.map((span) => span.to ?? end))),
    engagements: person.turns.flatMap((turn) => [
      ['microphone', 'unmute', iso(turn.from)] as const,
      ['microphone', 'mute', iso(turn.to)] as const,
    ]),
  };
}

/** One cue per turn, in time order, offsets from the call's start (calltranscript-get.md). */
function webVtt(call: LocalCall, end: number): string {
  const cues = [...call.people.values()]
    .flatMap((person) => person.turns.map((turn) => ({ turn, name: person.name })))
    .sort((a, b) => a.turn.from - b.turn.from)
    .map(
      ({ turn, name }) =>
        `${offset(turn.from - call.start)} --> ${offset((turn.to ?? end) - call.start)}\n<v ${name}>(simulated speech)</v>`,
    );
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

function offset(ms: number): string {
  const clamped = Math.max(0, ms);
  const hours = Math.floor(clamped / 3_600_000);
  const minutes = Math.floor(clamped / 60_000) % 60;
  const seconds = (clamped / 1000) % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${seconds.toFixed(3).padStart(6, '0')}`;
}
