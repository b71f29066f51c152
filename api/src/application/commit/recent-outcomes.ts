// Outcomes of recently committed command ids, so most retries need no storage read. One bounded,
// least-recently-used map for the whole instance; older retries are answered from storage.
import { LRUCache } from 'lru-cache';
import type { CommandOutcome } from '../ports.js';

const CAPACITY = 50_000;

export class RecentOutcomes {
  private readonly outcomes = new LRUCache<string, CommandOutcome>({ max: CAPACITY });

  get(meetingKey: string, key: string): CommandOutcome | undefined {
    return this.outcomes.get(`${meetingKey}/${key}`);
  }

  set(meetingKey: string, key: string, outcome: CommandOutcome): void {
    this.outcomes.set(`${meetingKey}/${key}`, outcome);
  }
}
