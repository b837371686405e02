// Open-loop load for bench/load.py: autocannon sends the mixed workload to URL at a fixed
// overall RATE (requests/s) over CONNECTIONS connections for SECONDS, latencies corrected
// for coordinated omission (autocannon's default when a rate is set).
// node run.mjs URL BODIES RATE CONNECTIONS SECONDS; BODIES holds one JSON body per line.
// Prints one JSON line: latency percentiles (ms), requests, errors.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [url, bodiesFile, rate, connections, seconds] = process.argv.slice(2);
const bodies = readFileSync(bodiesFile, "utf8").split("\n").filter((line) => line.length > 0);
let graphqlErrors = 0;
const requests = bodies.map((body) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body,
  onResponse: (status, answer) => {
    if (status === 200 && answer.includes('"errors"')) graphqlErrors += 1;
  },
}));
const result = await autocannon({
  url,
  requests,
  overallRate: Number(rate),
  connections: Number(connections),
  duration: Number(seconds),
  timeout: 60,
});
const l = result.latency;
process.stdout.write(
  JSON.stringify({
    rate: Number(rate),
    connections: Number(connections),
    seconds: result.duration,
    requests: result.requests.total,
    throughput_per_s: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50_ms: l.p50,
    p90_ms: l.p90,
    p97_5_ms: l.p97_5,
    p99_ms: l.p99,
    max_ms: l.max,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  }) + "\n",
);
