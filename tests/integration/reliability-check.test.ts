// The reliability check: five cycles of one age group, no feedback until all are in, then a
// result that agrees with a hand computation. On a server of its own, so that the draw is among
// the cycles whose master codes this file made (other files make cycles too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { createCycle } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { listen } from '../support/realtime';
import { dimensionsOf } from '../../src/lib/class/catalogue';

let server: TestServer;
let url: string;
const toddlerDims = dimensionsOf('toddler');
let learner: TestUser;
let other: TestUser;
const masterOf = new Map<string, Record<string, number>>();

/** Codes for a cycle: the master code on every dimension, with the given offsets. */
function codesFor(slug: string, offsets: Record<string, number> = {}) {
  const masters = masterOf.get(slug)!;
  return Object.fromEntries(toddlerDims.map((d) => [d, masters[d]! + (offsets[d] ?? 0)]));
}

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  const root = await superuser(url);
  const barnehage = await createBarnehage(root);
  learner = await createUser(root, 'deltaker', barnehage.id);
  other = await createUser(root, 'deltaker', barnehage.id);
  // Six toddler cycles with masters 2, 3, 3, 4, 4, 5 (Negative Climate the mirror image).
  for (const base of [2, 3, 3, 4, 4, 5]) {
    const cycle = await createCycle(root, 'toddler', base);
    masterOf.set(cycle.slug, cycle.masters);
  }
});

afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

describe('a reliability check', () => {
  let checkId: string;
  let cycles: string[];

  it('starts with five distinct toddler cycles', async () => {
    const { status, json } = await call(learner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
    expect(status).toBe(200);
    checkId = json.id;
    cycles = json.cycles;
    expect(new Set(cycles).size).toBe(5);
    cycles.forEach((slug) => expect(masterOf.has(slug)).toBe(true));
    expect(json.threshold).toBe(0.8);
  });

  it('gives no feedback and no result before the last cycle, not even through the collections', async () => {
    const listener = await listen(url, learner.pb.authStore.token, ['attempts', 'reliability_checks', 'master_codes']);
    try {
      for (let i = 0; i < 4; i++) {
        const res = await call(learner.pb, 'POST', `/api/tettpa/checks/${checkId}/cycles/${cycles[i]}`, { scores: codesFor(cycles[i]!) });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ submitted: i + 1, total: 5, complete: false });
      }
      const early = await call(learner.pb, 'GET', `/api/tettpa/checks/${checkId}`);
      expect(early.status).toBe(403);
      expect(early.json.message).toMatch(/4 av 5 levert/);
      expect(JSON.stringify(early.json)).not.toMatch(/Hemmelig/);
      expect(await learner.pb.collection('attempts').getFullList()).toHaveLength(0);
      const check = await learner.pb.collection('reliability_checks').getOne(checkId);
      expect(check.result).toBeNull();
      expect(check.passed).toBe(false);
      // Which cycles are in is the learner's to know (to resume), how they went is not.
      expect(check.submitted).toEqual(cycles.slice(0, 4));
      const stats = await call(learner.pb, 'GET', '/api/tettpa/me/stats');
      expect(stats.json.codes).toBe(0);
      // Control event: the learner's own check is theirs to see, and its fourth update comes after
      // the fourth attempt was saved. Once it is here, the listener is alive and has had every
      // event of those submissions that it was ever going to get.
      const checkUpdates = () =>
        listener.events.filter((e) => e.event === 'reliability_checks' && (e.data as { record: { submitted: string[] } }).record.submitted.length === 4);
      await expect.poll(() => checkUpdates().length, { timeout: 10_000 }).toBe(1);
      expect(listener.events.filter((e) => e.event !== 'reliability_checks')).toEqual([]);
      expect(JSON.stringify(listener.events)).not.toMatch(/Hemmelig|"master"|justification/);
      expect((checkUpdates()[0]!.data as { record: { result: unknown } }).record.result).toBeNull();
    } finally {
      listener.close();
    }
  });

  it('/me/export during the open check carries the codes given so far but no master code and no result', async () => {
    const { status, json } = await call(learner.pb, 'GET', '/api/tettpa/me/export');
    expect(status).toBe(200);
    const ofCheck = json.attempts.filter((a: { reliabilityCheck: string }) => a.reliabilityCheck === checkId);
    expect(ofCheck).toHaveLength(4);
    for (const a of ofCheck) {
      expect(a.scores).toEqual(codesFor(a.vignette));
      expect(a).toMatchObject({ results: null, withinOne: null, exact: null });
    }
    const check = json.reliabilityChecks.find((c: { id: string }) => c.id === checkId);
    expect(check).toMatchObject({ cycles, complete: false, passed: null, result: null });
    expect(JSON.stringify(json)).not.toMatch(/Hemmelig|"master"|justification/);
  });

  it('refuses bad cycle submissions, storing nothing', async () => {
    const last = cycles[4]!;
    const missing = codesFor(last);
    delete missing['language-modeling'];
    const bad: Array<[string, string, unknown, number, RegExp]> = [
      ['a missing dimension', last, missing, 400, /Mangler: Språkstøtte/],
      ['a score of 8', last, { ...codesFor(last), 'positive-climate': 8 }, 400, /heltall fra 1 til 7/],
      ['a pre-k dimension', last, { ...codesFor(last), productivity: 3 }, 400, /kodes ikke/],
      ['a second submission of the same cycle', cycles[0]!, codesFor(cycles[0]!), 400, /allerede levert/],
      ['a cycle that is not in the check', 'finnes-ikke', codesFor(last), 404, /hører ikke til/],
    ];
    for (const [name, slug, scores, status, message] of bad) {
      const res = await call(learner.pb, 'POST', `/api/tettpa/checks/${checkId}/cycles/${slug}`, { scores });
      expect(res.status, name).toBe(status);
      expect(res.json.message, name).toMatch(message);
    }
    const root = await superuser(url);
    const stored = await root.collection('attempts').getFullList({ filter: root.filter('reliability_check = {:c}', { c: checkId }) });
    expect(stored).toHaveLength(4);
  });

  it('is another learner’s business to nobody: their requests get 404', async () => {
    const post = await call(other.pb, 'POST', `/api/tettpa/checks/${checkId}/cycles/${cycles[4]}`, { scores: codesFor(cycles[4]!) });
    expect(post.status).toBe(404);
    expect((await call(other.pb, 'GET', `/api/tettpa/checks/${checkId}`)).status).toBe(404);
    await expect(other.pb.collection('reliability_checks').getOne(checkId)).rejects.toMatchObject({ status: 404 });
  });

  it('after the fifth cycle, shows a result that agrees with a hand computation', async () => {
    // Fifth cycle: Positive Climate and Language Modeling two points off (away from the edge of
    // the scale, so that neither is clamped back to within one), everything else exact.
    const last = cycles[4]!;
    const masters = masterOf.get(last)!;
    const twoApart = (d: string) => (masters[d]! <= 5 ? 2 : -2);
    const expectedCodes = codesFor(last, { 'positive-climate': twoApart('positive-climate'), 'language-modeling': twoApart('language-modeling') });
    const off = toddlerDims.filter((d) => Math.abs(expectedCodes[d]! - masters[d]!) === 2).length;
    expect(off).toBe(2);
    const res = await call(learner.pb, 'POST', `/api/tettpa/checks/${checkId}/cycles/${last}`, { scores: expectedCodes });
    expect(res.json).toEqual({ submitted: 5, total: 5, complete: true });

    const { status, json } = await call(learner.pb, 'GET', `/api/tettpa/checks/${checkId}`);
    expect(status).toBe(200);
    // 5 cycles × 8 dimensions = 40 codes, all exact but the two that are 2 apart: 38 / 40 = 0.95.
    expect(json.withinOne).toBeCloseTo(0.95);
    expect(json.exact).toBeCloseTo(0.95);
    expect(json.passed).toBe(true);
    expect(json.complete).toBe(true);
    expect(json.cycles.map((c: { slug: string }) => c.slug)).toEqual(cycles);
    expect(json.byDimension['positive-climate'].withinOne).toBeCloseTo(4 / 5);
    expect(json.byDimension['teacher-sensitivity']).toEqual({ codes: 5, withinOne: 1, exact: 1, bias: 0 });
    expect(json.cycles[4].results[0]).toMatchObject({ dimension: 'positive-climate', justification: expect.stringContaining('Hemmelig') });
    // Now the attempts are the learner's to read, with their feedback.
    expect(await learner.pb.collection('attempts').getFullList()).toHaveLength(5);
  });

  it('refuses an age group that does not exist, and one without enough cycles', async () => {
    const wrong = await call(learner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'babies' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.message).toMatch(/toddler/);
    const few = await call(learner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'pre-k' });
    expect(few.status).toBe(400);
    expect(few.json.message).toMatch(/trenger 5/);
  });

  it('a new check leaves out the cycle met most recently where it can', async () => {
    const { json } = await call(learner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
    const unseen = [...masterOf.keys()].filter((slug) => !cycles.includes(slug));
    expect(unseen).toHaveLength(1);
    expect(json.cycles).toContain(unseen[0]);
  });
});

describe('the pass mark of 80 % within one', () => {
  /** A whole check by a fresh learner, `off` codes two points from the master, the rest exact. */
  async function checkWithOff(off: number) {
    const root = await superuser(url);
    const someone = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
    const { json: started } = await call(someone.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
    const slugs: string[] = started.cycles;
    // Off codes spread over the cycles: dimension d of cycle c, in turn, until `off` are placed.
    const offsets = slugs.map(() => ({}) as Record<string, number>);
    for (let n = 0; n < off; n++) {
      const c = n % slugs.length;
      const d = toddlerDims[Math.floor(n / slugs.length)]!;
      const master = masterOf.get(slugs[c]!)![d]!;
      offsets[c]![d] = master <= 5 ? 2 : -2;
    }
    for (const [c, slug] of slugs.entries()) {
      expect((await call(someone.pb, 'POST', `/api/tettpa/checks/${started.id}/cycles/${slug}`, { scores: codesFor(slug, offsets[c]) })).status).toBe(200);
    }
    return (await call(someone.pb, 'GET', `/api/tettpa/checks/${started.id}`)).json;
  }

  it('passes at exactly 80 % (32 of 40 codes within one)', async () => {
    const result = await checkWithOff(8);
    expect(result.withinOne).toBe(32 / 40);
    expect(result.passed).toBe(true);
  });

  it('fails just below, at 77.5 % (31 of 40), and says what to practise', async () => {
    const result = await checkWithOff(9);
    expect(result.withinOne).toBe(31 / 40);
    expect(result.passed).toBe(false);
    // The first dimension was off in all five cycles (0 % within one), the second in four (20 %): weakest first.
    expect(result.practiseNext).toEqual([toddlerDims[0], toddlerDims[1]]);
  });
});

describe('realtime', () => {
  it('a learner subscribed to master_codes receives nothing, while a superuser does', async () => {
    const root = await superuser(url);
    const learnerListener = await listen(url, learner.pb.authStore.token, ['master_codes']);
    const rootListener = await listen(url, root.authStore.token, ['master_codes']);
    try {
      const code = (await root.collection('master_codes').getList(1, 1)).items[0]!;
      await root.collection('master_codes').update(code.id, { justification: `${code.justification} (endret)` });
      await expect.poll(() => rootListener.events.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(learnerListener.events).toHaveLength(0);
    } finally {
      learnerListener.close();
      rootListener.close();
    }
  });
});
