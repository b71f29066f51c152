// Reading values whose shape nobody promised (parsed JSON, errors thrown by libraries) without
// trusting them, and naming a failure without carrying its URL, headers or body along.

/** One property of a value, or undefined when the value is not an object. */
export function property(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** A name for a network failure that carries no URL, header or body. */
export function failureKind(error: unknown): string {
  if (error instanceof Error && error.name !== 'TypeError') return error.name;
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = property(cause, 'code');
  return typeof code === 'string' ? code : 'network error';
}
