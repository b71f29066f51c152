// One simulated person in the many-meetings load: what they see (their live stream, or their own
// last answer when it is newer) and what they do next, as a person in a busy meeting would.
import type { PublicCommand, PublicView } from '@roundtable/core';
import type { Person } from './client.js';
import type { LiveStream } from './live.js';

export interface Member {
  readonly person: Person;
  readonly meetingId: string;
  readonly participantId: string;
  readonly isHost: boolean;
  readonly stream: LiveStream;
  /** The freshest view seen: the live stream's or the person's own last answer. */
  latest: PublicView;
  readonly thanked: Set<string>;
}

function freshest(member: Member): PublicView {
  if (member.stream.latestVersion > member.latest.version) {
    member.latest = member.stream.latest();
  }
  return member.latest;
}

export function choose(member: Member, random: () => number): PublicCommand {
  const view = freshest(member);
  const current = view.current;
  if (member.isHost) {
    if (current !== null || view.queue.length > 0) {
      return { type: 'next', currentTurnId: current?.turnId ?? null };
    }
    return { type: 'setTimebox', seconds: view.timeboxSeconds === null ? 120 : null };
  }
  if (current?.participantId === member.participantId) {
    return { type: 'finish', turnId: current.turnId };
  }
  if (current !== null && !member.thanked.has(current.turnId) && random() < 0.35) {
    member.thanked.add(current.turnId);
    return { type: 'appreciate', turnId: current.turnId };
  }
  const mine = view.queue.find((entry) => entry.participantId === member.participantId);
  if (mine) return { type: 'leave', kind: mine.kind };
  return { type: 'join', kind: random() < 0.85 ? 'point' : 'reply' };
}
