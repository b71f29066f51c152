// Meeting roles from the Teams meeting-participant API of the Bot Framework, cached briefly per person.
import type { Role } from '@roundtable/core';
import { DependencyUnavailableError } from '../application/errors.js';
import type { Caller, Clock, RoleDirectory } from '../application/ports.js';
import { failureKind, property } from './bot-token-provider.js';
import { DEFAULT_RETRY_AFTER_SECONDS, retryAfterSeconds } from './retry-after.js';

/** Where bot tokens come from; BotTokenProvider is one. */
export interface BotTokenSource {
  token(): Promise<string>;
  /** Called with a token the service answered 401 to, so the next token() fetches a new one. */
  invalidate(rejected: string): void;
}

export interface BotFrameworkRoleDirectoryOptions {
  /** The Bot Framework service URL for Teams, e.g. https://smba.trafficmanager.net/teams/ */
  readonly serviceUrl: string;
  readonly tokens: BotTokenSource;
  readonly fetch?: typeof fetch;
  readonly now?: Clock;
  /** How long a participant's role is reused (Teams roles can change during a meeting). */
  readonly ttlMs?: number;
  /** Kept shorter, so someone who joins a moment after being turned away gets in soon. */
  readonly notParticipantTtlMs?: number;
  readonly maxEntries?: number;
  readonly timeoutMs?: number;
}

interface CachedRole {
  readonly role: Role | null;
  readonly expiresAt: number;
}

export class BotFrameworkRoleDirectory implements RoleDirectory {
  private readonly serviceUrl: string;
  private readonly tokens: BotTokenSource;
  private readonly fetch: typeof fetch;
  private readonly now: Clock;
  private readonly ttlMs: number;
  private readonly notParticipantTtlMs: number;
  private readonly maxEntries: number;
  private readonly timeoutMs: number;
  /** Insertion order doubles as age order, so the first key is the one to evict. */
  private readonly cache = new Map<string, CachedRole>();
  /** A burst of requests from one person waits for one lookup instead of starting many. */
  private readonly inFlight = new Map<string, Promise<Role | null>>();

  constructor(options: BotFrameworkRoleDirectoryOptions) {
    this.serviceUrl = options.serviceUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.notParticipantTtlMs = options.notParticipantTtlMs ?? 15_000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async roleOf(meetingId: string, caller: Caller): Promise<Role | null> {
    const key = JSON.stringify([meetingId, caller.tenantId, caller.userId]);
    const cached = this.cache.get(key);
    if (cached !== undefined && this.now() < cached.expiresAt) return cached.role;
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      pending = this.lookup(meetingId, caller)
        .then((role) => {
          this.remember(key, role);
          return role;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async lookup(meetingId: string, caller: Caller): Promise<Role | null> {
    const url =
      `${this.serviceUrl}/v1/meetings/${encodeURIComponent(meetingId)}` +
      `/participants/${encodeURIComponent(caller.userId)}` +
      `?tenantId=${encodeURIComponent(caller.tenantId)}`;
    const token = await this.tokens.token();
    const response = await this.get(url, token);
    if (response.status !== 401) return this.interpret(response);
    // The token may have been revoked or rotated before its expiry: one fresh token, one retry.
    this.tokens.invalidate(token);
    return this.interpret(await this.get(url, await this.tokens.token()));
  }

  private async get(url: string, token: string): Promise<Response> {
    try {
      return await this.fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DependencyUnavailableError(
        `Teams participant lookup failed (${failureKind(error)}).`,
      );
    }
  }

  private async interpret(response: Response): Promise<Role | null> {
    if (response.ok) return roleFrom(await this.readBody(response));
    await response.body?.cancel().catch(() => undefined);
    // 404: the meeting has no such participant. 403: Teams will not share this person's details
    // with the app. 400: the meeting id is not one Teams knows. In each case the caller is not let in.
    if (response.status === 404 || response.status === 403 || response.status === 400) return null;
    const retryAfter =
      response.status === 429
        ? retryAfterSeconds(response.headers.get('retry-after'), this.now())
        : DEFAULT_RETRY_AFTER_SECONDS;
    throw new DependencyUnavailableError(
      `Teams participant lookup failed (HTTP ${response.status}).`,
      retryAfter,
    );
  }

  private async readBody(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      throw new DependencyUnavailableError(
        `Teams participant lookup returned an unreadable answer (${failureKind(error)}).`,
      );
    }
  }

  private remember(key: string, role: Role | null): void {
    const ttl = role === null ? this.notParticipantTtlMs : this.ttlMs;
    this.cache.delete(key);
    this.cache.set(key, { role, expiresAt: this.now() + ttl });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next();
      if (oldest.done !== true) this.cache.delete(oldest.value);
    }
  }
}

/** Teams answers 'Organizer', 'Presenter' or 'Attendee'; anything unknown gets the least rights. */
function roleFrom(body: unknown): Role {
  const role = property(property(body, 'meeting'), 'role');
  const name = typeof role === 'string' ? role.toLowerCase() : '';
  return name === 'organizer' || name === 'presenter' ? name : 'attendee';
}

/** Retry-After is either delay-seconds or an HTTP date; kept within sensible bounds either way. */
