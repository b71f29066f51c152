// What every command handler receives once decide() has checked who is acting.
import type { RandomSource } from '../decider.js';
import type { Participant } from './state.js';

export interface HandlerContext {
  readonly now: number;
  readonly random: RandomSource;
  /** The acting participant; the system's one command (ending a session) needs no handler context. */
  readonly actor: Participant;
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
