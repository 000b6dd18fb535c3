// Live-feed fan-out: CONNECTIONS graphql-ws connections, each with SUBS subscriptions to policyEvents, while a
// writer creates worlds at RATE per second for SECONDS, after WARMUP seconds of the same that are not measured.
// Every event is matched to the moment its mutation was answered (the commit); prints delivered/expected, latency
// percentiles from that answer to receipt, and the heap.
const [base, token, connections = '100', subs = '2', rate = '20', seconds = '10', warmup = '0'] = process.argv.slice(2);
const http = `${base}/graphql`;
const wsUrl = http.replace(/^http/, 'ws');
const run = `fanout-${Date.now()}`;
const subjectIdKey = `"subjectId":"${run}`;

function connect() {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }));
    socket.onerror = (event) => reject(new Error(`WebSocket failed: ${event.message ?? event.type}`));
    socket.onmessage = (message) => {
      const frame = JSON.parse(message.data);
      if (frame.type === 'connection_ack') {
        resolve(socket);
      }
    };
  });
}

const answered = new Map(); // world id -> time its mutation was answered
const latencies = [];
let received = 0;
let closed = 0;
const sockets = [];
for (let c = 0; c < Number(connections); c++) {
  const socket = await connect();
  socket.onclose = () => closed++;
  socket.onmessage = (message) => {
    const now = performance.now();
    // the world's id is found by position rather than by parsing each frame: at hundreds of thousands of frames per
    // second, JSON.parse in this one process would be the bottleneck being measured
    const text = message.data;
    const at = text.indexOf(subjectIdKey);
    if (at < 0 || !text.includes('"type":"next"')) {
      return;
    }
    const start = at + subjectIdKey.length - run.length;
    const id = text.substring(start, text.indexOf('"', start));
    received++;
    const answeredAt = answered.get(id);
    latencies.push(answeredAt === undefined ? 0 : Math.max(0, now - answeredAt));
  };
  for (let s = 0; s < Number(subs); s++) {
    socket.send(JSON.stringify({ id: `s${s}`, type: 'subscribe',
      payload: { query: 'subscription { policyEvents { sequence subjectId type } }' } }));
  }
  sockets.push(socket);
}
await new Promise((resolve) => setTimeout(resolve, 1000));

// warm-up: the same writes at the same rate for WARMUP seconds, under other ids, so that the server has compiled its
// fan-out path before the measured events; their frames are read and not counted
const warmupWrites = [];
const warmupStarted = performance.now();
for (let i = 0; i < Number(rate) * Number(warmup); i++) {
  const wait = warmupStarted + (i * 1000) / Number(rate) - performance.now();
  if (wait > 0) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  warmupWrites.push(fetch(http, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($id: ID!) { createWorld(input: {id: $id, name: "Warm-up"}) { world { id } } }',
      variables: { id: `warmup-${run}-${i}` } }) }).then((response) => response.text()));
}
await Promise.all(warmupWrites);
if (Number(warmup) > 0) {
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

const total = Number(rate) * Number(seconds);
const started = performance.now();
const writes = [];
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / Number(rate);
  const wait = due - performance.now();
  if (wait > 0) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const id = `${run}-${i}`;
  writes.push(fetch(http, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($id: ID!) { createWorld(input: {id: $id, name: "Fan-out"}) { world { id } } }',
      variables: { id } }) }).then(async (response) => {
    await response.text();
    answered.set(id, performance.now());
  }));
}
await Promise.all(writes);
const expected = total * Number(connections) * Number(subs);
const deadline = performance.now() + 30000;
while (received < expected && performance.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const metrics = await (await fetch(`${base}/actuator/prometheus`)).text();
const heap = metrics.split('\n').filter((line) => line.startsWith('jvm_memory_used_bytes') && line.includes('area="heap"'))
  .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
latencies.sort((a, b) => a - b);
const pct = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] : 0).toFixed(1);
console.log(JSON.stringify({ subscriptions: Number(connections) * Number(subs), connections: Number(connections),
  eventsPerSecond: Number(rate), warmupSeconds: Number(warmup), events: total, delivered: received, expected, closedConnections: closed,
  p50: Number(pct(0.5)), p99: Number(pct(0.99)), max: Number(pct(1)), heapUsedMiB: Math.round(heap / 1048576),
  clientCpuSeconds: Number(((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1)) }));
for (const socket of sockets) {
  socket.close();
}
process.exit(0);
