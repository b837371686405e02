// Usage: node audit.mjs URL  → prints {"summary": {...}, "problems": [...]} as JSON.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const summary = { ok: 0, notice: 0, warn: 0, error: 0 };
const problems = [];
for (const result of results) {
  summary[result.status] += 1;
  if (result.status !== 'ok') {
    problems.push({ id: result.id, name: result.name, status: result.status, reason: result.reason });
  }
}
console.log(JSON.stringify({ total: results.length, summary, problems }));
