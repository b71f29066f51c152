// What every command handler receives once decide() has checked who is acting.
import type { RandomSource } from '../decider.js';
import type { Participant } from './state.js';

export interface HandlerContext {
  readonly now: number;
  readonly random: RandomSource;
  /** The acting participant, or null when the system acts (timers, Teams' meeting-end event). */
  readonly actor: Participant | null;
}

/** Commands a participant may send only while hosting. */
export const HOST_COMMANDS = new Set([
  'next',
  'remove',
  'move',
  'setMode',
  'setTimebox',
  'lock',
  'unlock',
  'grantHost',
  'revokeHost',
  'setPresentersHost',
  'setOption',
  'invite',
  'openCheckin',
  'closeCheckin',
  'endSession',
]);
