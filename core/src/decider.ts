// The decider contract every part of the domain follows: time, the actor and randomness arrive
// with the command, so decide and evolve are deterministic and replayable.
import type { DomainError } from './errors.js';

/** A uniform random number in [0, 1); injected so shuffles are reproducible in tests. */
export type RandomSource = () => number;

/** Who acts: a participant (by the server-assigned id) or the system (timers, Teams events). */
export type Actor = { kind: 'participant'; participantId: string } | { kind: 'system' };

export interface CommandContext {
  /** Milliseconds since the Unix epoch, read once by the caller. */
  readonly now: number;
  readonly actor: Actor;
  readonly random: RandomSource;
}

export type Decision<Event> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly error: DomainError };

export interface Decider<Command, State, Event> {
  decide(command: Command, state: State, ctx: CommandContext): Decision<Event>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export const accept = <Event>(...events: Event[]): Decision<Event> => ({ ok: true, events });
export const reject = <Event>(error: DomainError): Decision<Event> => ({ ok: false, error });
