// Small response helpers shared by every handler: JSON, and problem+json for every failure.
import type { HttpResponseInit } from '@azure/functions';
import { PROBLEM_TYPE_BASE } from '@roundtable/core';
import type { SerialisedView } from '../application/views.js';

export type Headers = Record<string, string>;

/** Bodies are data, never a page: no browser may sniff a JSON answer into HTML or script. */
const NO_SNIFF = { 'x-content-type-options': 'nosniff' };

export interface ProblemExtra {
  readonly headers?: Headers;
  /** A stable machine-readable code, also the last segment of `type`. */
  readonly code?: string;
  /** Extension members, such as the field errors or the caller's current view. */
  readonly members?: Record<string, unknown>;
}

export function json(status: number, body: unknown, headers: Headers = {}): HttpResponseInit {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_SNIFF, ...headers },
    body: JSON.stringify(body),
  };
}

/** 200 with the view and its entity tag. */
export function viewResponse(view: SerialisedView, headers: Headers = {}): HttpResponseInit {
  return {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...NO_SNIFF,
      etag: view.etag,
      ...headers,
    },
    body: view.body,
  };
}

export function noContent(status = 304, headers: Headers = {}): HttpResponseInit {
  return { status, headers };
}

/** RFC 9457 problem details; `detail` is written for the person reading the error. */
export function problem(
  status: number,
  title: string,
  detail: string,
  extra: ProblemExtra = {},
): HttpResponseInit {
  const body = {
    type: `${PROBLEM_TYPE_BASE}${extra.code ?? String(status)}`,
    title,
    status,
    detail,
    ...(extra.code === undefined ? {} : { code: extra.code }),
    ...extra.members,
  };
  return {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      ...NO_SNIFF,
      ...extra.headers,
    },
    body: JSON.stringify(body),
  };
}

/** Thrown by parsing helpers; the handler wrapper turns it into a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail);
  }

  toResponse(): HttpResponseInit {
    return problem(this.status, this.title, this.detail, this.extra);
  }
}
