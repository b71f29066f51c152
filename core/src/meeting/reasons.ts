// Why a waiting entry is where it is, told only to its own person. Every reason is about the entry
// itself (what it is, how it came, what was done to it); none says how much anyone else has spoken.
import type { EntryReason, QueueEntry } from './state.js';

/**
 * The reason that best explains the entry's place, the latest first: a host's move overrides how
 * it came; being carried over or a kind that goes first explains the front; a round's draw or the
 * equity rule explains passing people; otherwise it is simply the order people joined in.
 */
export function entryReason(entry: QueueEntry): EntryReason {
  if (entry.movedByHost === true) return 'moved';
  if (entry.origin === 'carried') return 'carried';
  if (entry.kind !== 'point') return 'kind';
  if (entry.origin === 'round') return 'round';
  if ((entry.overtook ?? 0) > 0) return 'least-spoken';
  return 'joined-order';
}
