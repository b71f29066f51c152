// Outcomes of recently committed command ids, so most retries need no storage read. One bounded,
// least-recently-used map for the whole instance; older retries are answered from storage.
import type { CommandOutcome } from './ports.js';

const CAPACITY = 50_000;

export class RecentOutcomes {
  private readonly outcomes = new Map<string, CommandOutcome>();

  get(meetingKey: string, key: string): CommandOutcome | undefined {
    return this.outcomes.get(`${meetingKey}/${key}`);
  }

  set(meetingKey: string, key: string, outcome: CommandOutcome): void {
    const id = `${meetingKey}/${key}`;
    this.outcomes.delete(id);
    this.outcomes.set(id, outcome);
    if (this.outcomes.size > CAPACITY) {
      const oldest = this.outcomes.keys().next().value;
      if (oldest !== undefined) this.outcomes.delete(oldest);
    }
  }
}
