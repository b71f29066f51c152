// What the API returns and broadcasts. The public view holds nothing private; a participant's
// view adds their own part, and hosts also see who has not been heard yet.
import { z } from 'zod';
import { checkinAggregateSchema } from '../checkins/aggregate.js';
import {
  CHECKIN_SCALES,
  ENTRY_KINDS,
  ENTRY_REASONS,
  QUEUE_MODES,
  ROLES,
} from '../meeting/state.js';

const kind = z.enum(ENTRY_KINDS);
const aggregate = checkinAggregateSchema;

export const publicViewSchema = z.object({
  meetingId: z.string(),
  version: z.int(),
  /** Which session of the Teams meeting this is; a new one starts after each end. */
  session: z.int(),
  phase: z.enum(['live', 'ended']),
  /** Whether presenters host (an organiser's choice); otherwise organisers and co-hosts do. */
  presentersHost: z.boolean(),
  /** The organiser's choices for this meeting, shown to everyone it concerns. */
  options: z.object({ transcript: z.boolean(), carryOver: z.boolean() }),
  mode: z.enum(QUEUE_MODES),
  locked: z.boolean(),
  timeboxSeconds: z.int().nullable(),
  current: z
    .object({
      turnId: z.string(),
      participantId: z.string(),
      displayName: z.string(),
      kind,
      startedAt: z.number(),
    })
    .nullable(),
  queue: z.array(
    z.object({
      entryId: z.string(),
      participantId: z.string(),
      displayName: z.string(),
      kind,
      note: z.string().optional(),
      joinedAt: z.number(),
    }),
  ),
  checkin: z
    .object({
      checkinId: z.string(),
      promptId: z.string().nullable(),
      text: z.string(),
      scale: z.enum([...CHECKIN_SCALES, 'round']),
      labels: z.object({ low: z.string(), high: z.string() }).nullable(),
      /** How many have answered so far; who answered is never shown. */
      answered: z.int(),
      /** Answers needed before the aggregate is shown (k). */
      threshold: z.int(),
      aggregate: aggregate.nullable(),
    })
    .nullable(),
});

export const participantViewSchema = publicViewSchema.extend({
  you: z.object({
    participantId: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    isHost: z.boolean(),
    /**
     * Your waiting entries, their place in the whole queue (0 = next) and why they are there —
     * yours alone: nobody else's view says why your entry is where it is. The server always says
     * why; a client that follows the public queue between reads may not know yet.
     */
    entries: z.array(
      z.object({
        entryId: z.string(),
        kind,
        position: z.int(),
        why: z.enum(ENTRY_REASONS).optional(),
      }),
    ),
    /** A host has privately asked to hear from you. */
    invited: z.boolean(),
    answeredCheckin: z.boolean(),
  }),
  /**
   * Hosts only: people in the meeting who have not had a turn yet, earliest arrival first — with
   * Teams' roster, also those who never opened Roundtable (an invitation reaches them through Teams).
   */
  notYetHeard: z
    .array(
      z.object({
        participantId: z.string(),
        displayName: z.string(),
        invited: z.boolean(),
        openedRoundtable: z.boolean(),
      }),
    )
    .optional(),
  /** Hosts only: everyone Roundtable knows in this session, for granting co-host and inviting. */
  people: z
    .array(
      z.object({
        participantId: z.string(),
        displayName: z.string(),
        role: z.enum(ROLES),
        isHost: z.boolean(),
        present: z.boolean(),
        openedRoundtable: z.boolean(),
      }),
    )
    .optional(),
  /** Hosts only: whether Teams tells Roundtable who is in the meeting (else: whoever opened it). */
  roster: z.boolean().optional(),
});

export type PublicView = z.infer<typeof publicViewSchema>;
export type ParticipantView = z.infer<typeof participantViewSchema>;
