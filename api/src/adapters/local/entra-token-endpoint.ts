// Entra ID's token endpoint as the local Graph plays it: client credentials for one app, per
// tenant (graph-api auth-v2-service.md: a form POST to the tenant's endpoint, scope `.default`).
// Tokens are opaque strings it remembers; Graph answers only requests bearing one of them.
import type { IncomingMessage } from 'node:http';

export interface TokenEndpointOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** `{graphHost}/.default`. */
  readonly scope: string;
  readonly knowsTenant: (tenantId: string) => boolean;
}

export type TokenAnswer =
  { readonly status: number; readonly body: unknown } | { readonly violation: string };

export class TokenEndpoint {
  private readonly issued = new Set<string>();
  /** Every form received, for tests to check what was asked. */
  readonly requests: URLSearchParams[] = [];

  constructor(private readonly options: TokenEndpointOptions) {}

  isIssued(token: string): boolean {
    return this.issued.has(token);
  }

  async answer(request: IncomingMessage, tenantId: string): Promise<TokenAnswer> {
    if (request.method !== 'POST') return { violation: 'token: not a POST' };
    if (request.headers['content-type'] !== 'application/x-www-form-urlencoded')
      return { violation: 'token: not a form' };
    const form = new URLSearchParams(await bodyOf(request));
    this.requests.push(form);
    if (!this.options.knowsTenant(tenantId)) return { violation: 'token: wrong tenant' };
    if (form.get('grant_type') !== 'client_credentials') return { violation: 'token: grant_type' };
    if (form.get('scope') !== this.options.scope) return { violation: 'token: scope' };
    if (
      form.get('client_id') !== this.options.clientId ||
      form.get('client_secret') !== this.options.clientSecret
    )
      return { status: 401, body: { error: 'invalid_client' } };
    const accessToken = `graph-token-${this.issued.size + 1}`;
    this.issued.add(accessToken);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, access_token: accessToken },
    };
  }
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
