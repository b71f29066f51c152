// Outcomes of recently committed command ids, per meeting, so most retries need no storage read.
import type { CommandOutcome } from './ports.js';

const PER_MEETING = 2_000;
const MEETINGS = 2_000;

export class RecentOutcomes {
  private readonly meetings = new Map<string, Map<string, CommandOutcome>>();

  get(meetingKey: string, key: string): CommandOutcome | undefined {
    return this.meetings.get(meetingKey)?.get(key);
  }

  set(meetingKey: string, key: string, outcome: CommandOutcome): void {
    let outcomes = this.meetings.get(meetingKey);
    if (!outcomes) {
      outcomes = new Map();
      this.meetings.set(meetingKey, outcomes);
      if (this.meetings.size > MEETINGS) this.evictFirst(this.meetings);
    }
    outcomes.set(key, outcome);
    if (outcomes.size > PER_MEETING) this.evictFirst(outcomes);
  }

  private evictFirst(map: Map<string, unknown>): void {
    const first = map.keys().next().value;
    if (first !== undefined) map.delete(first);
  }
}
