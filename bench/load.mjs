// Drives one GraphQL query against one server and prints one JSON line:
// {"name", "tool", "requests", "rps", "p50", "p99", "errors", "non2xx"} (latencies in ms).
// The answer is checked for GraphQL errors before the load and once more after it. The load comes from wrk when it
// is installed (a C program with an exact latency histogram, lighter on the shared cores than a Node.js client), and
// from autocannon otherwise; BENCH_LOADGEN=autocannon or =wrk chooses.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const [name, url, token, query, variables, connections, seconds, warmup = '0'] = process.argv.slice(2);
const headers = { 'content-type': 'application/json' };
if (token) {
  headers.authorization = `Bearer ${token}`;
}
const body = JSON.stringify({ query, variables: JSON.parse(variables) });

async function check() {
  const response = await fetch(url, { method: 'POST', headers, body });
  const answer = await response.json();
  if (!response.ok || answer.errors || !answer.data) {
    console.error(`${name}: the query fails: ${JSON.stringify(answer)}`);
    process.exit(1);
  }
}

function haveWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its usage and exits with 1 when it is there
    return error.status === 1;
  }
}

const tool = process.env.BENCH_LOADGEN ?? (haveWrk() ? 'wrk' : 'autocannon');

function withWrk(duration) {
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-'));
  const script = join(dir, 'request.lua');
  const lua = [
    'wrk.method = "POST"',
    `wrk.body = [==[${body}]==]`,
    ...Object.entries(headers).map(([key, value]) => `wrk.headers["${key}"] = [==[${value}]==]`),
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'{"requests":%d,"p50":%.3f,"p99":%.3f,"errors":%d,"non2xx":%d}\\n\',',
    '    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,',
    '    e.connect + e.read + e.write + e.timeout, e.status))',
    'end',
  ].join('\n');
  writeFileSync(script, lua);
  const threads = Math.min(2, Number(connections));
  const run = spawnSync('wrk', ['-t', String(threads), '-c', connections, '-d', `${duration}s`, '--timeout', '10s',
    '-s', script, url], { encoding: 'utf8' });
  const line = run.stdout.split('\n').find((text) => text.startsWith('{"requests"'));
  if (!line) {
    throw new Error(`wrk failed: ${run.stderr}${run.stdout}`);
  }
  return JSON.parse(line);
}

async function withAutocannon(duration) {
  const result = await autocannon({ url, method: 'POST', headers, body, connections: Number(connections),
    duration: Number(duration) });
  return { requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99,
    errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

const drive = (duration) => (tool === 'wrk' ? withWrk(duration) : withAutocannon(duration));

await check();
if (Number(warmup) > 0) {
  await drive(warmup);
}
const result = await drive(seconds);
await check();
console.log(JSON.stringify({ name, tool, requests: result.requests, rps: result.requests / Number(seconds),
  p50: result.p50, p99: result.p99, errors: result.errors, non2xx: result.non2xx }));
