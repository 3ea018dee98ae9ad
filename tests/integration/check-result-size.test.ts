// A check's feedback carries every master code's justification, so its stored result must hold
// five cycles of the longest justifications master_codes allows. Real cycles with long
// justifications once made the fifth submission fail with PocketBase's JSON size limit.
// Its own server: the other files rely on there being fewer than five pre-k cycles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { createCycle } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';
import { dimensionsOf } from '../../src/lib/class/catalogue';

const LONGEST = 4000; // master_codes.justification's max
let server: TestServer;
let learner: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  const root = await superuser(server.url);
  learner = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
  for (const base of [2, 3, 4, 5, 6]) await createCycle(root, 'pre-k', base, LONGEST);
});

afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

describe('a reliability check with the longest justifications', () => {
  it('stores every cycle and shows the whole result, justifications intact', async () => {
    const start = await call(learner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'pre-k' });
    expect(start.status).toBe(200);
    const scores = Object.fromEntries(dimensionsOf('pre-k').map((d) => [d, 4]));
    for (const slug of start.json.cycles) {
      const res = await call(learner.pb, 'POST', `/api/tettpa/checks/${start.json.id}/cycles/${slug}`, { scores });
      expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    }
    const result = await call(learner.pb, 'GET', `/api/tettpa/checks/${start.json.id}`);
    expect(result.status).toBe(200);
    expect(result.json.cycles).toHaveLength(5);
    const justifications = result.json.cycles.flatMap((c: { results: Array<{ justification: string }> }) => c.results.map((r) => r.justification));
    expect(justifications).toHaveLength(50);
    for (const j of justifications) expect(j).toHaveLength(LONGEST);
  });
});
