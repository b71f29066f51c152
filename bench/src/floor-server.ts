// The floor: a bare server-sent events fan-out on node:http, in its own process, with no storage,
// no sign-in and no work. POST /publish sends its body, as one `view` frame with the next id, to
// every open GET /events stream and answers once every write has been handed to the sockets.
import { createServer, type ServerResponse } from 'node:http';

const subscribers = new Set<ServerResponse>();
let version = 0;

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/events') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(`retry: 2000\n\nid: ${version}\nevent: view\ndata: {}\n\n`);
    subscribers.add(response);
    response.on('close', () => subscribers.delete(response));
    return;
  }
  if (request.method === 'POST' && request.url === '/publish') {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      version += 1;
      const frame = Buffer.from(
        `id: ${version}\nevent: view\ndata: ${Buffer.concat(chunks).toString('utf8')}\n\n`,
      );
      for (const subscriber of subscribers) subscriber.write(frame);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ version }));
    });
    return;
  }
  response.writeHead(404).end();
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
process.once('SIGTERM', () => {
  for (const subscriber of subscribers) subscriber.destroy();
  server.close(() => process.exit(0));
});
process.once('disconnect', () => process.exit(0));
