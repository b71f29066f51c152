// A local server playing the Bot Connector: it records each request and answers from a script, so
// the Bot Framework adapters are tested against the documented HTTP contract without Teams.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string | undefined;
  readonly rawPath: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export type Reply = (response: ServerResponse) => void;

export const status =
  (code: number, headers: Record<string, string> = {}, body = '{}'): Reply =>
  (response) =>
    response.writeHead(code, { 'content-type': 'application/json', ...headers }).end(body);

/** Never answers, so the client's timeout decides. */
export const silent: Reply = () => undefined;

export interface FakeBotConnector {
  /** With a trailing slash, as Teams sends it: clients must not double it. */
  readonly serviceUrl: string;
  readonly seen: SeenRequest[];
  /** Answers for the next requests, in order; `otherwise` answers once they run out. */
  replies: Reply[];
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeBotConnector(otherwise: Reply): Promise<FakeBotConnector> {
  const seen: SeenRequest[] = [];
  const fake = {
    serviceUrl: '',
    seen,
    replies: [] as Reply[],
    reset() {
      seen.length = 0;
      fake.replies = [];
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawPath = request.url ?? '';
      seen.push({
        method: request.method,
        rawPath,
        path: decodeURIComponent(rawPath),
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
      });
      (fake.replies.shift() ?? otherwise)(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/teams/`;
  return fake;
}

/** Hands out token-1, then token-2 once token-1 is invalidated, and so on. */
export function rotatingTokens() {
  let issued = 1;
  const invalidated: string[] = [];
  return {
    invalidated,
    token: () => Promise.resolve(`token-${issued}`),
    invalidate(rejected: string) {
      invalidated.push(rejected);
      if (rejected === `token-${issued}`) issued += 1;
    },
  };
}
