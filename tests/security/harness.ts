// What every security test checks the same way: a refusal is problem+json that names the problem
// without echoing secrets, and a meeting's stored state stays whole whatever was thrown at it.
import assert from 'node:assert/strict';
import functions from '@azure/functions';
import {
  type MeetingState,
  type Role,
  NOTE_MAX_LENGTH,
  kindRank,
  participantView,
  participantViewSchema,
} from '@roundtable/core';
import type {
  Caller,
  Membership,
  RoleDirectory,
  StoredMeeting,
} from '../../api/src/application/ports.js';
import type { Route } from '../../api/src/routes.js';
import type { TestApi } from '../api/support.js';

const { HttpRequest, HttpResponse, InvocationContext } = functions;

export { command, testApi, type TestApi, type TestResponse } from '../api/support.js';

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  /** The parsed body, or null when there was none or it was not JSON. */
  readonly json: unknown;
}

const STACK_FRAME = /\bat .*(\(|\s)\S+:\d+:\d+\)?/;

export interface Invocation {
  readonly method?: string;
  readonly params?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** Calls one route's handler in-process, as the Functions host would, and reads any answer. */
export async function invoke(
  routes: readonly Route[],
  routeName: string,
  init: Invocation,
): Promise<Answer & { readonly headers: Headers }> {
  const route = routes.find((candidate) => candidate.name === routeName);
  if (route === undefined) throw new Error(`No route ${routeName}`);
  const method = init.method ?? route.methods[0] ?? 'GET';
  // Bodies on GET never reach a Functions handler, so none is passed.
  const body = method === 'GET' || method === 'HEAD' ? undefined : init.body;
  const request = new HttpRequest({
    method,
    url: `http://localhost:7071/api/${route.route}`,
    headers: init.headers ?? {},
    params: init.params ?? {},
    query: init.query ?? {},
    ...(body === undefined
      ? {}
      : { body: typeof body === 'string' ? { string: body } : { bytes: body } }),
  });
  const context = new InvocationContext({ functionName: route.name, logHandler: () => undefined });
  const web = new HttpResponse(await route.handler(request, context));
  const contentType = web.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    // A live stream never ends by itself; closing it here also unsubscribes it from the hub.
    await web.body?.cancel();
    return { status: web.status, contentType, json: null, headers: web.headers };
  }
  const text = web.body === null ? '' : await web.text();
  return { status: web.status, contentType, json: jsonOrNull(text), headers: web.headers };
}

/** The parsed body, or null when there is none or it is not JSON. */
export function jsonOrNull(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/**
 * The checks every answer must pass: never a 5xx (but 503 when `storageDown`), and every 4xx is
 * problem+json whose `detail` names the problem, is no stack trace and quotes none of `secrets`.
 * Plain asserts, not `expect`: fuzzing runs these thousands of times and they must stay cheap.
 */
export function expectSafeAnswer(
  answer: Answer,
  secrets: readonly string[] = [],
  storageDown = false,
): void {
  const seen = () => `${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`;
  if (answer.status >= 500) {
    assert.ok(storageDown && answer.status === 503, `a server error: ${seen()}`);
  }
  if (answer.status < 400 || answer.status >= 500) return;
  assert.match(answer.contentType, /^application\/problem\+json/, `not problem+json: ${seen()}`);
  const body = answer.json as Record<string, unknown> | null;
  assert.ok(body !== null && typeof body === 'object', `no problem body: ${seen()}`);
  assert.equal(body.status, answer.status, `problem status differs: ${seen()}`);
  assert.equal(typeof body.title, 'string', `problem without a title: ${seen()}`);
  const detail = typeof body.detail === 'string' ? body.detail : '';
  assert.ok(detail.trim().length > 10, `problem without a detail: ${seen()}`);
  assert.doesNotMatch(detail, STACK_FRAME, `a stack trace in the detail: ${seen()}`);
  const whole = JSON.stringify(body);
  for (const secret of secrets) {
    if (secret.length >= 16) assert.ok(!whole.includes(secret), `a secret echoed: ${seen()}`);
  }
}

/** A role directory like Teams': each meeting has its own participants, nobody else is in it. */
export class MeetingRoster implements RoleDirectory {
  private readonly roles = new Map<string, Map<string, Role>>();

  add(meetingId: string, name: string, role: Role): this {
    const roster = this.roles.get(meetingId) ?? new Map<string, Role>();
    roster.set(name, role);
    this.roles.set(meetingId, roster);
    return this;
  }

  membership(meetingId: string, caller: Caller): Promise<Membership | null> {
    const role = this.roles.get(meetingId)?.get(caller.displayName);
    return Promise.resolve(
      role === undefined ? null : { role, inMeeting: true, teamsUserId: null },
    );
  }
}

export function stored(api: TestApi, meetingId: string): Promise<StoredMeeting | null> {
  return api.store.load(api.services.meetings.meetingKey(meetingId));
}

/** The integrity a meeting keeps under any input: one queue, well ordered, nothing dangling. */
export function expectWholeState(state: MeetingState): void {
  const ranks = state.queue.map((entry) => kindRank(entry.kind));
  // Compared element by element: the store's structuredClone builds arrays in another realm.
  assert.ok(
    ranks.every((rank, index) => index === 0 || (ranks[index - 1] ?? 0) <= rank),
    'queue kinds out of priority order',
  );
  const perKind = state.queue.map((entry) => `${entry.participantId}/${entry.kind}`);
  assert.equal(new Set(perKind).size, perKind.length, 'someone holds two entries of one kind');
  const ids = state.queue.map((entry) => entry.entryId);
  assert.equal(new Set(ids).size, ids.length, 'two entries share an id');
  if (state.current !== null) {
    assert.ok(!ids.includes(state.current.entryId), 'the current turn is still queued');
  }
  for (const entry of state.queue) {
    assert.ok(entry.participantId in state.participants, 'an entry of nobody');
    const note = entry.note ?? '';
    assert.ok(typeof note === 'string' && note.length <= NOTE_MAX_LENGTH, 'a note out of bounds');
  }
  if (state.checkin !== null) {
    const answered = state.checkin.answeredBy;
    assert.equal(new Set(answered).size, answered.length, 'someone answered twice');
  }
  for (const [participantId, participant] of Object.entries(state.participants)) {
    assert.equal(participant.participantId, participantId, 'a participant under another key');
    // Every participant's view can still be built and read (the tab would render it).
    const view = participantView(state, { meetingId: 'check', version: 0 }, participantId);
    assert.ok(participantViewSchema.safeParse(view).success, 'a view the contract refuses');
  }
  assert.equal(prototypeNames(), PROTOTYPE_NAMES, 'Object.prototype was polluted');
}

/** What Object.prototype holds before any hostile input; a polluted prototype would differ. */
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).join(' ');
const PROTOTYPE_NAMES = prototypeNames();
