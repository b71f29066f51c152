// A small given / when / then harness: a meeting driven through decide + evolve, with a clock.
import {
  type Decision,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingSettings,
  type MeetingState,
  type RandomSource,
  type Role,
  decide,
  evolve,
  initialMeetingState,
} from '@roundtable/core';

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

/** mulberry32: a tiny seeded generator, uniform enough for shuffles and statistics. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TestMeeting {
  state: MeetingState;
  readonly events: MeetingEvent[] = [];
  now = T0;
  random: RandomSource = seededRandom(7);

  constructor(settings: Partial<MeetingSettings> = {}) {
    this.state = initialMeetingState(settings);
  }

  /** People by id; each arrives with their id capitalised as display name. */
  static with(people: Record<string, Role>, settings: Partial<MeetingSettings> = {}): TestMeeting {
    const meeting = new TestMeeting(settings);
    for (const [id, role] of Object.entries(people)) {
      meeting.do(id, {
        type: 'arrive',
        displayName: id.charAt(0).toUpperCase() + id.slice(1),
        role,
      });
    }
    return meeting;
  }

  tick(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  /** When: decide as `by` ('system' for the service) and apply the events if accepted. */
  try(by: string, command: MeetingCommand): Decision<MeetingEvent> {
    const actor =
      by === 'system'
        ? ({ kind: 'system' } as const)
        : ({ kind: 'participant', participantId: by } as const);
    const decision = decide(command, this.state, { now: this.now, actor, random: this.random });
    if (decision.ok) {
      for (const event of decision.events) this.state = evolve(this.state, event);
      this.events.push(...decision.events);
    }
    return decision;
  }

  /** Given: a step that must be accepted; returns its events. */
  do(by: string, command: MeetingCommand): readonly MeetingEvent[] {
    const decision = this.try(by, command);
    if (!decision.ok) throw new Error(`${by} ${command.type} was refused: ${decision.error.code}`);
    return decision.events;
  }

  /** Who is waiting, in speaking order, as "participant:kind". */
  queue(): string[] {
    return this.state.queue.map((entry) => `${entry.participantId}:${entry.kind}`);
  }

  speaker(): string | null {
    return this.state.current?.participantId ?? null;
  }

  turnId(): string | null {
    return this.state.current?.turnId ?? null;
  }
}

export function refusedWith(decision: Decision<MeetingEvent>): string {
  return decision.ok ? 'accepted' : decision.error.code;
}

export function eventTypes(decision: Decision<MeetingEvent>): string[] {
  return decision.ok ? decision.events.map((event) => event.type) : [];
}
