// The last version of each meeting this instance read or wrote, and when: most commands need no
// storage read. Bounded, least recently used first out.
import { LRUCache } from 'lru-cache';
import type { StoredMeeting } from '../ports.js';

const MAX_CACHED_MEETINGS = 2_000;

interface Cached {
  readonly meeting: StoredMeeting;
  readonly at: number;
}

export class MeetingCache {
  private readonly entries = new LRUCache<string, Cached>({ max: MAX_CACHED_MEETINGS });

  /** The cached meeting if it is no older than maxAgeMs (writes may use any age: the ETag guards). */
  get(meetingKey: string, now: number, maxAgeMs: number): StoredMeeting | undefined {
    const cached = this.entries.get(meetingKey);
    return cached !== undefined && now - cached.at <= maxAgeMs ? cached.meeting : undefined;
  }

  /**
   * Remembers a meeting just read or written. A read that started before this instance's last
   * commit must not replace it with an older version, so loads never go backwards.
   */
  remember(
    meetingKey: string,
    meeting: StoredMeeting,
    now: number,
    source: 'load' | 'write',
  ): StoredMeeting {
    const cached = this.entries.get(meetingKey)?.meeting;
    if (source === 'load' && cached !== undefined && cached.version > meeting.version)
      return cached;
    this.entries.set(meetingKey, { meeting, at: now });
    return meeting;
  }

  forget(meetingKey: string): void {
    this.entries.delete(meetingKey);
  }
}
