// A TCP proxy in front of Azurite's Table service that can lose the answers to writes on purpose:
// while `loseWriteAnswers` is set, every transaction ($batch) still reaches storage, which applies
// it, but the connection is reset as its answer starts to come back. Reads pass. The client cannot
// tell a write that landed from one that did not, which is exactly what retries under one command
// id must survive.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface FaultProxy {
  /** `http://127.0.0.1:{port}`: use it in place of the server's address. */
  readonly url: string;
  /** Answers to transactions are lost while true. */
  loseWriteAnswers: boolean;
  /** How many answers to transactions were lost. */
  readonly lost: { writes: number };
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const lost = { writes: 0 };
  const proxy = { loseWriteAnswers: false };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    let lastRequest = '';
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      const head = chunk.subarray(0, 200).toString('latin1');
      if (/^[A-Z]+ \//.test(head)) lastRequest = head.slice(0, head.indexOf('\r\n'));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (proxy.loseWriteAnswers && lastRequest.includes('/$batch ')) {
        lost.writes += 1;
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    lost,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  });
}
