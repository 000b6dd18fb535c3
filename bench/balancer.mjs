// A TCP load balancer for the scale-out benchmark: each new connection (HTTP keep-alive or graphql-ws) goes to
// the next backend in turn. Bytes are relayed untouched, so WebSocket upgrades pass through as they are.
//   node balancer.mjs LISTEN_PORT BACKEND_PORT [BACKEND_PORT ...]
import { createServer, connect } from 'node:net';

const [listen, ...backends] = process.argv.slice(2).map(Number);
if (!listen || backends.length === 0) {
  console.error('usage: node balancer.mjs LISTEN_PORT BACKEND_PORT [BACKEND_PORT ...]');
  process.exit(2);
}
let next = 0;
const counts = new Map(backends.map((port) => [port, 0]));
const server = createServer((client) => {
  const port = backends[next++ % backends.length];
  counts.set(port, counts.get(port) + 1);
  const backend = connect({ host: '127.0.0.1', port, noDelay: true });
  client.setNoDelay(true);
  client.pipe(backend);
  backend.pipe(client);
  const end = () => {
    client.destroy();
    backend.destroy();
  };
  client.on('error', end);
  backend.on('error', end);
  client.on('close', end);
  backend.on('close', end);
});
server.listen(listen, '127.0.0.1', () => console.error(`balancing 127.0.0.1:${listen} over ${backends.join(', ')}`));
process.on('SIGTERM', () => {
  console.error(`connections per backend: ${JSON.stringify(Object.fromEntries(counts))}`);
  process.exit(0);
});
