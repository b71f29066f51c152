// The process's time and randomness, the only ones the services are given.
import { randomInt } from 'node:crypto';
import type { Clock } from '../application/ports.js';

/** Uniform in [0, 1) from the operating system's generator: round order must not be guessable. */
export const secureRandom = () => randomInt(0, 2 ** 48) / 2 ** 48;
export const systemClock: Clock = () => Date.now();
