// Rules latencies against a running Steward whose filesystem store watches DIR:
//  - hot reload: a rule file saved in DIR -> the ruleChanges notification at a graphql-ws subscriber (debounce included);
//  - setRuleState: the mutation's round trip over HTTP.
// Prints one JSON line with percentiles in milliseconds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, token, dir, rounds = '200'] = process.argv.slice(2);
const http = `${base}/graphql`;
const wsUrl = http.replace(/^http/, 'ws');
const ruleId = `BENCH_${Date.now()}`;
const file = join(dir, `${ruleId}.yaml`);
const n = Number(rounds);

const rule = (version) => `rule_id: ${ruleId}
rule_version: ${version}
name: bench_reload
applies_to: [command]
match:
  pattern: '\\bbench${version}\\b'
emits:
  - {tactic: TA0002, technique_id: T1059, confidence: 0.5}
`;

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const round = (v) => Math.round(v * 100) / 100;
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1)) };
}

const waiting = new Map(); // rule version -> resolve(arrival time)
const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
await new Promise((resolve, reject) => {
  socket.onerror = (event) => reject(new Error(`WebSocket failed: ${event.message ?? event.type}`));
  socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }));
  socket.onmessage = (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'connection_ack') {
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: {
        query: 'subscription { ruleChanges { sequence kind ruleId ruleVersion } }' } }));
      setTimeout(resolve, 300);
    } else if (frame.type === 'next') {
      const change = frame.payload.data?.ruleChanges;
      if (change?.ruleId === ruleId && change.kind === 'DEFINITION') {
        const done = waiting.get(change.ruleVersion);
        if (done) {
          waiting.delete(change.ruleVersion);
          done(performance.now());
        }
      }
    } else if (frame.type === 'error') {
      reject(new Error(JSON.stringify(frame.payload)));
    }
  };
});

const reload = [];
for (let version = 1; version <= n; version++) {
  const arrived = new Promise((resolve) => waiting.set(version, resolve));
  writeFileSync(file, rule(version));
  const saved = performance.now();
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 5000));
  const at = await Promise.race([arrived, timeout]);
  if (at === null) {
    throw new Error(`no change for rule version ${version} within 5 s`);
  }
  reload.push(at - saved);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function post(query, variables) {
  const response = await fetch(http, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    throw new Error(JSON.stringify(body.errors));
  }
  return body;
}

const SET = 'mutation($input: SetRuleStateInput!) { setRuleState(input: $input) { rule { ruleId state { state } } } }';
const state = [];
for (let i = 0; i < 20; i++) {
  await post(SET, { input: { ruleId, state: i % 2 ? 'DISABLED' : 'ENABLED' } });
}
for (let i = 0; i < n * 2; i++) {
  const input = i % 2 ? { ruleId, state: 'DISABLED', reason: 'bench' } : { ruleId, state: 'CLIPPED', confidenceMax: 0.4 };
  const started = performance.now();
  await post(SET, { input });
  state.push(performance.now() - started);
}

const EVALUATE = 'query($payload: JSON!) { evaluateEvent(input: {sourceKind: COMMAND, payload: $payload}) { matches { ruleId } } }';
const evaluate = [];
for (let i = 0; i < n * 2; i++) {
  const started = performance.now();
  await post(EVALUATE, { payload: { command_text: `find / -perm -4000 -type f ${i}` } });
  evaluate.push(performance.now() - started);
}

socket.close();
console.log(JSON.stringify({
  fileSaveToSubscriberMs: percentiles(reload),
  setRuleStateMs: percentiles(state),
  evaluateEventOverHttpMs: percentiles(evaluate),
}));
