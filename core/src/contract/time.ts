// Durations both ends count in: every time on the wire and in storage is milliseconds since the
// epoch, and these turn days and minutes into them.
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
