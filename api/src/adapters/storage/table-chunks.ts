// JSON values stored as gzip split over binary properties, because Table Storage caps a property
// at 64 KiB and an entity at 1 MiB; a large meeting's state outgrows one property.
import { gunzipSync, gzipSync } from 'node:zlib';

/** Which properties hold the pieces: `{prefix}0 … {prefix}N-1`, and N in `count`. */
export interface ChunkLayout {
  readonly prefix: string;
  readonly count: string;
}

export const stateChunks: ChunkLayout = { prefix: 's', count: 'stateChunks' };
export const recordChunks: ChunkLayout = { prefix: 'r', count: 'recordChunks' };
/** A log row's events (table-state-log.ts). */
export const eventChunks: ChunkLayout = { prefix: 'e', count: 'eventChunks' };
/** The open check-in's tally, kept in the state row when the state itself is not. */
export const tallyChunks: ChunkLayout = { prefix: 't', count: 'tallyChunks' };

/** Below the 64 KiB property limit, with room to spare. */
export const CHUNK_BYTES = 60 * 1024;
/** 16 chunks (960 KiB) plus the other properties stay under the 1 MiB entity limit. */
export const MAX_CHUNKS = 16;

export function packJson(value: unknown, layout: ChunkLayout): Record<string, number | Uint8Array> {
  const compressed = gzipSync(JSON.stringify(value));
  const count = Math.max(1, Math.ceil(compressed.length / CHUNK_BYTES));
  if (count > MAX_CHUNKS) {
    throw new Error(
      `A value of ${compressed.length} compressed bytes exceeds the ${MAX_CHUNKS * CHUNK_BYTES} bytes one entity can hold.`,
    );
  }
  const properties: Record<string, number | Uint8Array> = { [layout.count]: count };
  for (let index = 0; index < count; index++) {
    // Buffer views on purpose: the SDK encodes a plain Uint8Array view as its whole backing buffer.
    properties[`${layout.prefix}${index}`] = compressed.subarray(
      index * CHUNK_BYTES,
      (index + 1) * CHUNK_BYTES,
    );
  }
  return properties;
}

/** The compressed bytes packJson produced. */
export function packedBytes(properties: Readonly<Record<string, unknown>>): number {
  let bytes = 0;
  for (const value of Object.values(properties))
    if (value instanceof Uint8Array) bytes += value.length;
  return bytes;
}

/** The value packJson stored in this entity; throws when a piece is missing. */
export function unpackJson(
  entity: Readonly<Record<string, unknown>>,
  layout: ChunkLayout,
): unknown {
  const count = entity[layout.count];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new Error(`Stored entity has no valid ${layout.count} property.`);
  }
  const pieces: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const piece = entity[`${layout.prefix}${index}`];
    if (!(piece instanceof Uint8Array)) {
      throw new Error(`Stored entity is missing chunk ${layout.prefix}${index} of ${count}.`);
    }
    pieces.push(piece);
  }
  return JSON.parse(gunzipSync(Buffer.concat(pieces)).toString('utf8')) as unknown;
}
