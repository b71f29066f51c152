// The commands a client may send, as zod schemas shared by the API (validation) and the tab (types).
import { z } from 'zod';
import { WORD_ANSWER_MAX_LENGTH } from '../checkins/aggregate.js';
import {
  CHECKIN_SCALES,
  ENTRY_KINDS,
  NOTE_MAX_LENGTH,
  QUEUE_MODES,
  ROLES,
  ARRIVAL_ROUTES,
  MEETING_OPTIONS,
} from '../meeting/state.js';

export const CUSTOM_PROMPT_MIN_LENGTH = 3;
export const CUSTOM_PROMPT_MAX_LENGTH = 200;
export const TIMEBOX_MIN_SECONDS = 10;
export const TIMEBOX_MAX_SECONDS = 3600;
export const DISPLAY_NAME_MAX_LENGTH = 256;
/** A sealed contact is a few dozen characters; the bound keeps a bad caller from bloating the state. */
export const CONTACT_MAX_LENGTH = 512;
/** A carry key is a keyed hash of a few dozen characters. */
export const CARRY_KEY_MAX_LENGTH = 128;

const id = z.string().min(1).max(128);
const entryKind = z.enum(ENTRY_KINDS);

const payloads = [
  z.strictObject({
    type: z.literal('join'),
    kind: entryKind,
    note: z.string().trim().max(NOTE_MAX_LENGTH).optional(),
  }),
  z.strictObject({ type: z.literal('leave'), kind: entryKind }),
  z.strictObject({ type: z.literal('next'), currentTurnId: id.nullable() }),
  z.strictObject({ type: z.literal('finish'), turnId: id }),
  z.strictObject({ type: z.literal('remove'), entryId: id }),
  z.strictObject({ type: z.literal('move'), entryId: id, toIndex: z.int().min(0).max(100_000) }),
  z.strictObject({ type: z.literal('setMode'), mode: z.enum(QUEUE_MODES) }),
  z.strictObject({
    type: z.literal('setTimebox'),
    seconds: z.int().min(TIMEBOX_MIN_SECONDS).max(TIMEBOX_MAX_SECONDS).nullable(),
  }),
  z.strictObject({ type: z.literal('lock') }),
  z.strictObject({ type: z.literal('unlock') }),
  z.strictObject({ type: z.literal('grantHost'), participantId: id }),
  z.strictObject({ type: z.literal('revokeHost'), participantId: id }),
  z.strictObject({ type: z.literal('invite'), participantId: id }),
  z.strictObject({ type: z.literal('respondInvite'), accept: z.boolean() }),
  z
    .strictObject({
      type: z.literal('openCheckin'),
      promptId: id.optional(),
      text: z
        .string()
        .trim()
        .min(CUSTOM_PROMPT_MIN_LENGTH)
        .max(CUSTOM_PROMPT_MAX_LENGTH)
        .optional(),
      scale: z.enum(CHECKIN_SCALES).optional(),
    })
    .refine(
      (c) =>
        c.promptId !== undefined
          ? c.text === undefined
          : c.text !== undefined && c.scale !== undefined,
      { message: 'Choose a built-in promptId, or give both text and scale for your own prompt.' },
    ),
  z.strictObject({
    type: z.literal('answerCheckin'),
    checkinId: id,
    value: z.union([
      z.int().min(1).max(5),
      z
        .string()
        .min(1)
        .max(WORD_ANSWER_MAX_LENGTH * 4),
    ]),
  }),
  z.strictObject({ type: z.literal('closeCheckin'), checkinId: id }),
  z.strictObject({ type: z.literal('appreciate'), turnId: id }),
  z.strictObject({ type: z.literal('setPresentersHost'), enabled: z.boolean() }),
  z.strictObject({
    type: z.literal('setOption'),
    option: z.enum(MEETING_OPTIONS),
    enabled: z.boolean(),
  }),
  // Names the session it ends, so a retry that arrives after the next session opened ends nothing.
  z.strictObject({ type: z.literal('endSession'), session: z.int().min(1).max(1_000_000_000) }),
] as const;

/** A command without its envelope: what the domain decides on. */
export const publicCommandSchema = z.discriminatedUnion('type', payloads);
export type PublicCommand = z.infer<typeof publicCommandSchema>;
export type PublicCommandType = PublicCommand['type'];
export const PUBLIC_COMMAND_TYPES = payloads.map((p) => p.shape.type.value);

/** The HTTP body: a command plus a client-generated UUID that makes retries idempotent. */
export type CommandBody = PublicCommand & { id: string };
export const commandBodySchema: z.ZodType<CommandBody> = z.discriminatedUnion(
  'type',
  // Each payload gains the id; the annotation restores the type the mapping cannot express.
  payloads.map((p) => p.extend({ id: z.uuid() })) as unknown as typeof payloads,
) as unknown as z.ZodType<CommandBody>;

/**
 * Commands only the server issues, on a person's behalf: presence comes from the verified token
 * and Teams. `arrive` via the panel when the person opens Roundtable, via the meeting when Teams
 * says they joined it; `depart` when Teams says they left (closing the panel is not leaving).
 */
export const systemCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('arrive'),
    displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX_LENGTH),
    role: z.enum(ROLES),
    contact: z.string().min(1).max(CONTACT_MAX_LENGTH).optional(),
    carryKey: z.string().min(1).max(CARRY_KEY_MAX_LENGTH).optional(),
    via: z.enum(ARRIVAL_ROUTES).optional(),
  }),
  z.strictObject({ type: z.literal('depart') }),
]);
export type SystemCommand = z.infer<typeof systemCommandSchema>;

export type MeetingCommand = PublicCommand | SystemCommand;
