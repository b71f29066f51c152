// The contract: request bodies are validated strictly; views and errors keep their promised shape.
import { describe, expect, it } from '@jest/globals';
import {
  PUBLIC_COMMAND_TYPES,
  commandBodySchema,
  domainError,
  domainErrorCodes,
  participantView,
  participantViewSchema,
  publicView,
  publicViewSchema,
} from '@roundtable/core';
import { TestMeeting } from './support.js';

const id = '5f0c2a52-63f4-4f8e-9b0e-1d2c3b4a5f60';

describe('command bodies', () => {
  const valid = [
    { id, type: 'join', kind: 'point', note: 'on budget' },
    { id, type: 'leave', kind: 'reply' },
    { id, type: 'next', currentTurnId: null },
    { id, type: 'finish', turnId: 't1' },
    { id, type: 'remove', entryId: 'e1' },
    { id, type: 'move', entryId: 'e1', toIndex: 2 },
    { id, type: 'setMode', mode: 'equity' },
    { id, type: 'setTimebox', seconds: null },
    { id, type: 'lock' },
    { id, type: 'unlock' },
    { id, type: 'grantHost', participantId: 'p1' },
    { id, type: 'revokeHost', participantId: 'p1' },
    { id, type: 'invite', participantId: 'p1' },
    { id, type: 'respondInvite', accept: true },
    { id, type: 'openCheckin', promptId: 'energy' },
    { id, type: 'openCheckin', text: 'How clear is the plan?', scale: 'likert5' },
    { id, type: 'answerCheckin', checkinId: 'c1', value: 4 },
    { id, type: 'answerCheckin', checkinId: 'c1', value: 'curious' },
    { id, type: 'closeCheckin', checkinId: 'c1' },
    { id, type: 'appreciate', turnId: 't1' },
    { id, type: 'endSession', session: 1 },
    { id, type: 'setPresentersHost', enabled: true },
    { id, type: 'setOption', option: 'carryOver', enabled: true },
  ];

  it('accepts one well-formed body of every command type', () => {
    for (const body of valid) expect(commandBodySchema.safeParse(body).error).toBeUndefined();
    expect(new Set(valid.map((body) => body.type))).toEqual(new Set(PUBLIC_COMMAND_TYPES));
  });

  it.each([
    ['a missing id', { type: 'lock' }],
    ['an id that is not a UUID', { id: 'abc', type: 'lock' }],
    ['an unknown type', { id, type: 'shout' }],
    ['an unknown field', { id, type: 'lock', force: true }],
    ['an unknown kind', { id, type: 'join', kind: 'rant' }],
    ['a note over 140 characters', { id, type: 'join', kind: 'point', note: 'x'.repeat(141) }],
    ['a fractional index', { id, type: 'move', entryId: 'e1', toIndex: 1.5 }],
    ['a timebox under 10 s', { id, type: 'setTimebox', seconds: 5 }],
    ['a check-in with neither prompt nor text', { id, type: 'openCheckin', scale: 'likert5' }],
    ['custom text without a scale', { id, type: 'openCheckin', text: 'How was it?' }],
    [
      'both a prompt id and custom text',
      { id, type: 'openCheckin', promptId: 'energy', text: 'Hi there' },
    ],
    ['an answer of 0', { id, type: 'answerCheckin', checkinId: 'c1', value: 0 }],
    ['a system command', { id, type: 'arrive', displayName: 'Eve', role: 'organizer' }],
  ])('rejects %s with a message that names the problem', (_what, body) => {
    const result = commandBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message.length).toBeGreaterThan(5);
  });
});

describe('views', () => {
  function busyMeeting(): TestMeeting {
    const m = TestMeeting.with({
      olu: 'organizer',
      ana: 'attendee',
      ben: 'attendee',
      cai: 'attendee',
    });
    m.do('ana', { type: 'join', kind: 'point', note: 'numbers' });
    m.do('ben', { type: 'join', kind: 'reply' });
    m.do('olu', { type: 'next', currentTurnId: null });
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    m.do('olu', { type: 'invite', participantId: 'cai' });
    return m;
  }
  const meta = { meetingId: 'm-1', version: 7 };

  it('match their schemas for host, attendee and the public broadcast', () => {
    const m = busyMeeting();
    expect(publicViewSchema.strict().safeParse(publicView(m.state, meta)).error).toBeUndefined();
    for (const who of ['olu', 'ana', 'cai']) {
      const view = participantView(m.state, meta, who);
      expect(participantViewSchema.strict().safeParse(view).error).toBeUndefined();
    }
  });

  it('give hosts the not-yet-heard list and nobody else', () => {
    const m = busyMeeting();
    const host = participantView(m.state, meta, 'olu');
    expect(host?.notYetHeard?.map((p) => [p.participantId, p.invited])).toEqual([
      ['olu', false],
      ['ana', false],
      ['cai', true],
    ]);
    const attendee = participantView(m.state, meta, 'ana');
    expect(attendee?.notYetHeard).toBeUndefined();
    expect(attendee?.people).toBeUndefined();
  });

  it('never put invitations or who answered in the public view', () => {
    const m = busyMeeting();
    const text = JSON.stringify(publicView(m.state, meta));
    expect(text).not.toContain('invited');
    expect(text).not.toContain('notYetHeard');
    expect(text).not.toContain('answeredBy');
  });

  it('tell a person where their entries stand', () => {
    const m = busyMeeting();
    // Ben's reply went first (replies outrank points), so Ana's point is now at the head.
    expect(m.state.current?.participantId).toBe('ben');
    expect(participantView(m.state, meta, 'ana')?.you.entries).toEqual([
      { entryId: 'e1', kind: 'point', position: 0, why: 'joined-order' },
    ]);
    expect(participantView(m.state, meta, 'ben')?.you.entries).toEqual([]);
    expect(participantView(m.state, meta, 'cai')?.you.invited).toBe(true);
    expect(participantView(m.state, meta, 'zed')).toBeNull();
  });
});

describe('domain errors', () => {
  it('each have a stable kebab-case code, a category and a sentence a person can act on', () => {
    for (const code of domainErrorCodes) {
      const error = domainError(code);
      expect(error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['forbidden', 'conflict']).toContain(error.category);
      expect(error.message).toMatch(/^[A-Z].{10,}[.!]$/);
    }
  });
});
