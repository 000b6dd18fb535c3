// Drives one GraphQL query against one server with autocannon and prints one JSON line:
// {"name", "requests", "warmupRequests", "rps", "p50", "p99", "errors", "non2xx"}. The first answer is checked for
// GraphQL errors before the load, and one more after it.
import autocannon from 'autocannon';

const [name, url, token, query, variables, connections, seconds, warmup = "0"] = process.argv.slice(2);
const headers = { 'content-type': 'application/json' };
if (token) {
  headers.authorization = `Bearer ${token}`;
}
const body = JSON.stringify({ query, variables: JSON.parse(variables) });

const probe = await fetch(url, { method: 'POST', headers, body });
const answer = await probe.json();
if (!probe.ok || answer.errors || !answer.data) {
  console.error(`${name}: the query fails: ${JSON.stringify(answer)}`);
  process.exit(1);
}

function run(duration) {
  return autocannon({ url, method: 'POST', headers, body, connections: Number(connections), duration: Number(duration) });
}

let warmupRequests = 0;
if (Number(warmup) > 0) {
  warmupRequests = (await run(warmup)).requests.total;
}
let failed = 0;
const instance = run(seconds);
const result = await instance;
const check = await (await fetch(url, { method: 'POST', headers, body })).json();
if (check.errors) {
  failed++;
}
console.log(JSON.stringify({
  name,
  requests: result.requests.total,
  warmupRequests,
  rps: result.requests.total / Number(seconds),
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + failed,
  non2xx: result.non2xx,
  bytes: answer ? JSON.stringify(answer).length : 0,
}));
