// A raw HTTP/1.1 client for hostile requests: it sends exactly the bytes it is given (request lines
// no well-behaved client would write) and reads whatever comes back.
import { connect } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 5_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (outcome: RawAnswer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish(new Error(`No answer within ${timeoutMs} ms to ${describe(request)}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = parse(Buffer.concat(chunks), false);
      // A live stream never ends: its head is the answer.
      if (answer?.headers['content-type']?.startsWith('text/event-stream')) finish(answer);
    });
    socket.on('error', (error) => {
      const answer = parse(Buffer.concat(chunks), true);
      finish(answer ?? new Error(`${error.message} before any answer to ${describe(request)}`));
    });
    socket.on('end', () => {
      finish(parse(Buffer.concat(chunks), true) ?? new Error(`No answer to ${describe(request)}`));
    });
    socket.write(request);
  });
}

function describe(request: string | Buffer): string {
  return JSON.stringify(request.toString('latin1').slice(0, 120));
}

function parse(bytes: Buffer, ended: boolean): RawAnswer | null {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (Number.isNaN(status)) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(headEnd + 4);
  if (headers['content-type']?.startsWith('text/event-stream'))
    return { status, headers, body: '' };
  if (headers['transfer-encoding'] === 'chunked') {
    const body = dechunk(rest);
    return body === null
      ? ended
        ? { status, headers, body: rest.toString('utf8') }
        : null
      : { status, headers, body };
  }
  const length = Number(headers['content-length'] ?? NaN);
  if (!Number.isNaN(length)) {
    return rest.length >= length
      ? { status, headers, body: rest.subarray(0, length).toString('utf8') }
      : null;
  }
  return ended ? { status, headers, body: rest.toString('utf8') } : null;
}

function dechunk(bytes: Buffer): string | null {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) return null;
    const size = parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts).toString('utf8');
    const start = lineEnd + 2;
    if (bytes.length < start + size + 2) return null;
    parts.push(bytes.subarray(start, start + size));
    offset = start + size + 2;
  }
}
