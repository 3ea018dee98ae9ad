// The bench's open-loop load generator against a small local HTTP server: it sends rate × seconds
// requests, each built by the caller's function for the n-th request (so learners take turns with
// their own tokens), and counts answers that are not 2xx. Nothing here depends on timing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, openLoop } from '../../bench/lib/open-loop.mjs';

let server: Server;
let url = '';
const seen: { method: string; path: string; token: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', token: String(req.headers.authorization ?? ''), body });
      // Odd learners' rows are "missing": the generator must count those answers as not 2xx.
      res.statusCode = /rad-\d*[13579]$/.test(req.url ?? '') ? 404 : 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('openLoop', () => {
  it('sends rate × seconds requests, each from the function, and counts what is not 2xx', async () => {
    seen.length = 0;
    const result = await openLoop({
      url,
      rate: 10,
      seconds: 2,
      requests: (n: number) => ({ method: 'PATCH', path: `/rad-${n % 4}`, headers: { Authorization: `token-${n % 4}` }, body: { n } }),
    });
    expect(result.targetRate).toBe(10);
    expect(result.requests).toBe(20);
    expect(seen).toHaveLength(20);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(10);
    expect(result.statuses).toEqual({ 200: 10, 404: 10 });
    // Each of the four learners had five turns, each with their own token and row.
    for (let k = 0; k < 4; k++) expect(seen.filter((s) => s.token === `token-${k}` && s.path === `/rad-${k}`)).toHaveLength(5);
    // Every request got its own body, sent as JSON.
    expect(new Set(seen.map((s) => JSON.parse(s.body).n)).size).toBe(20);
    expect(seen.every((s) => s.method === 'PATCH')).toBe(true);
  });
});

describe('closedLoop', () => {
  it('answers with how many requests the server answered', async () => {
    const result = await closedLoop({ url, seconds: 1, connections: 2, requests: [{ method: 'GET', path: '/rad-0' }] });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.non2xx).toBe(0);
    expect(result.errors).toBe(0);
  });
});
