// Open-loop load for bench/load.py: requests sent to URL at a fixed arrival RATE
// (requests/s) for SECONDS, one every 1/RATE s on its own schedule whatever the answers do,
// each timed from the moment it was due (so a request the client could not send on time, or
// that waited for a free connection, counts its wait: no coordinated omission). Node's own
// http client, keep-alive connections opened as needed; no dependencies.
//
// Why not autocannon: its overallRate gives each connection a quota per second, reset by a
// timer all connections start together, so the load arrives as one burst a second; and its
// correction for coordinated omission takes ceil(1 / rate) as the expected interval in ms
// (1 ms at one request a second per connection), recording a 500 ms answer as 500 samples.
//
// node run.mjs URL BODIES RATE SECONDS; BODIES holds one JSON body per line.
// Prints one JSON line: latency percentiles (ms), requests, answers per second, errors.
import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

const [url, bodiesFile, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const bodies = readFileSync(bodiesFile, "utf8")
  .split("\n")
  .filter((line) => line.length > 0)
  .map((line) => Buffer.from(line));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 2048 });
const total = Math.round(rate * seconds);
const gap = 1000 / rate;
const latencies = [];
let errors = 0;
let settled = 0;
let lastAnswer = 0;
let finish;
const finished = new Promise((resolve) => {
  finish = resolve;
});

function settle(due, ok) {
  const now = performance.now();
  if (ok) latencies.push(now - due);
  else errors += 1;
  lastAnswer = now;
  settled += 1;
  if (settled === total) finish();
}

function send(due, body) {
  let answered = false;
  const done = (ok) => {
    if (!answered) {
      answered = true; // an error after the answer (a socket closing) is not a second one
      settle(due, ok);
    }
  };
  const request = http.request(
    {
      agent,
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length },
      timeout: 60_000,
    },
    (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        const answer = Buffer.concat(chunks).toString("utf8");
        done(response.statusCode === 200 && !answer.includes('"errors"'));
      });
      response.on("error", () => done(false));
    },
  );
  request.on("timeout", () => request.destroy(new Error("timeout")));
  request.on("error", () => done(false));
  request.end(body);
}

const start = performance.now();
let sent = 0;
function tick() {
  const now = performance.now();
  while (sent < total && start + sent * gap <= now) {
    send(start + sent * gap, bodies[sent % bodies.length]);
    sent += 1;
  }
  if (sent < total) setTimeout(tick, Math.max(0, start + sent * gap - performance.now()));
}
tick();
await finished;
agent.destroy();

latencies.sort((a, b) => a - b);
const at = (q) =>
  latencies.length === 0
    ? null
    : Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) /
      100;
const elapsed = (lastAnswer - start) / 1000;
process.stdout.write(
  JSON.stringify({
    rate,
    seconds: Math.round(elapsed * 10) / 10,
    requests: total,
    throughput_per_s: Math.round(((total - errors) / elapsed) * 10) / 10,
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    max_ms: at(1),
    errors,
  }) + "\n",
);
