// Practice coding through POST /api/tettpa/attempts, and every kind of bad input it must refuse.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { listen } from '../support/realtime';

const url = inject('pocketbaseUrl');
let learner: TestUser;
let toddlerShort: { slug: string; id: string };

const masters = { 'positive-climate': 5, 'negative-climate': 2, 'teacher-sensitivity': 6 };
const good = { 'positive-climate': 5, 'negative-climate': 4, 'teacher-sensitivity': 7 };

async function storedAttempts(userId: string) {
  const root = await superuser(url);
  return root.collection('attempts').getFullList({ filter: root.filter('user = {:u}', { u: userId }) });
}

beforeAll(async () => {
  const root = await superuser(url);
  learner = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
  toddlerShort = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters });
});

describe('practice: a learner codes a vignette', () => {
  it('gets per-dimension feedback with master code and justification, as computed by hand', async () => {
    const { status, json } = await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores: good });
    expect(status).toBe(200);
    expect(json.id).toEqual(expect.any(String));
    expect(json.results).toEqual([
      { dimension: 'positive-climate', score: 5, master: 5, exact: true, withinOne: true, deviation: 0, justification: expect.stringContaining('positive-climate: 5') },
      { dimension: 'negative-climate', score: 4, master: 2, exact: false, withinOne: false, deviation: 2, justification: expect.any(String) },
      { dimension: 'teacher-sensitivity', score: 7, master: 6, exact: false, withinOne: true, deviation: 1, justification: expect.any(String) },
    ]);
    expect(json.withinOne).toBeCloseTo(2 / 3);
    expect(json.exact).toBeCloseTo(1 / 3);
  });

  it('sees the attempt in their own list, immutable: it cannot be edited or deleted', async () => {
    const own = await learner.pb.collection('attempts').getFullList();
    expect(own.length).toBeGreaterThan(0);
    const first = own[0]!;
    await expect(learner.pb.collection('attempts').update(first.id, { withinOne: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(learner.pb.collection('attempts').delete(first.id)).rejects.toMatchObject({ status: 403 });
    await expect(
      learner.pb.collection('attempts').create({ user: learner.id, vignette: toddlerShort.id, scores: good, results: [], withinOne: 1, exact: 1 }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('another learner cannot read your attempts', () => {
  it('not by listing, filtering, viewing, expanding from the vignette, nor in realtime', async () => {
    const root = await superuser(url);
    const other = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
    const mine = await storedAttempts(learner.id);
    expect(mine.length).toBeGreaterThan(0);
    // The other learner has one attempt of their own, so an empty list is the rule at work, not an empty collection.
    expect((await call(other.pb, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores: good })).status).toBe(200);
    const seen = await other.pb.collection('attempts').getFullList();
    expect(seen.map((a) => a.user)).toEqual([other.id]);
    expect(await other.pb.collection('attempts').getFullList({ filter: other.pb.filter('user = {:u}', { u: learner.id }) })).toHaveLength(0);
    for (const a of mine) await expect(other.pb.collection('attempts').getOne(a.id)).rejects.toMatchObject({ status: 404 });
    const expanded = await other.pb.collection('vignettes').getOne(toddlerShort.id, { expand: 'attempts_via_vignette' });
    expect((expanded.expand?.attempts_via_vignette ?? []).map((a: { user: string }) => a.user)).not.toContain(learner.id);
    const anonymous = await call(null, 'GET', '/api/collections/attempts/records', undefined, url);
    expect(anonymous.json.items ?? []).toHaveLength(0);

    const listener = await listen(url, other.pb.authStore.token, ['attempts']);
    try {
      await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores: good });
      // Control: the other learner's own attempt, made after, does arrive.
      await call(other.pb, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores: good });
      await expect.poll(() => listener.events.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(listener.events.map((e) => (e.data as { record: { user: string } }).record.user)).toEqual([other.id]);
    } finally {
      listener.close();
    }
  });
});

describe('practice: bad input is refused with a Norwegian message and nothing stored', () => {
  const cases: Array<[string, unknown, number, RegExp]> = [
    ['a score of 0', { ...good, 'positive-climate': 0 }, 400, /heltall fra 1 til 7/],
    ['a score of 8', { ...good, 'positive-climate': 8 }, 400, /heltall fra 1 til 7/],
    ['a score of 3.5', { ...good, 'positive-climate': 3.5 }, 400, /heltall fra 1 til 7/],
    ['a score of "x"', { ...good, 'positive-climate': 'x' }, 400, /heltall fra 1 til 7/],
    ['a score of null', { ...good, 'positive-climate': null }, 400, /heltall fra 1 til 7/],
    ['an unknown dimension', { ...good, 'made-up': 4 }, 400, /kodes ikke i denne vignetten/],
    ['a dimension of the other age group', { ...good, productivity: 4 }, 400, /kodes ikke i denne vignetten/],
    ['a missing dimension', { 'positive-climate': 5, 'negative-climate': 2 }, 400, /Mangler: Ansattes sensitivitet/],
    ['scores that are not an object', [5, 2, 6], 400, /objekt/],
  ];

  for (const [name, scores, status, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = (await storedAttempts(learner.id)).length;
      const res = await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores });
      expect(res.status).toBe(status);
      expect(res.json.message).toMatch(message);
      expect((await storedAttempts(learner.id)).length).toBe(before);
    });
  }

  it('answers 404 for a vignette that does not exist', async () => {
    const res = await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: 'finnes-ikke', scores: good });
    expect(res.status).toBe(404);
    expect(res.json.message).toMatch(/Fant ingen vignett/);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await call(learner.pb, 'POST', '/api/tettpa/attempts', '{ikke json');
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/JSON/);
  });

  it('answers 401 to a caller who is not logged in', async () => {
    const res = await call(null, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores: good }, url);
    expect(res.status).toBe(401);
    expect(res.json.message).toMatch(/logget inn/);
  });
});

describe('master codes stay on the server', () => {
  it('a learner cannot list, view or filter master_codes', async () => {
    const root = await superuser(url);
    const one = (await root.collection('master_codes').getList(1, 1)).items[0]!;
    await expect(learner.pb.collection('master_codes').getList(1, 50)).rejects.toMatchObject({ status: 403 });
    await expect(learner.pb.collection('master_codes').getOne(one.id)).rejects.toMatchObject({ status: 403 });
    await expect(
      learner.pb.collection('master_codes').getList(1, 50, { filter: `vignette = "${toddlerShort.id}" && score >= 1` }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('cannot reach them by expanding or filtering through vignettes', async () => {
    const expanded = await learner.pb.collection('vignettes').getOne(toddlerShort.id, { expand: 'master_codes_via_vignette' });
    expect(expanded.expand?.master_codes_via_vignette).toBeUndefined();
    // A filter through the closed collection must not work as an oracle: the true guess (5) and a
    // false one (1) get the same answer, and neither returns the vignette.
    const probe = async (score: number) => {
      try {
        const page = await learner.pb.collection('vignettes').getList(1, 50, { filter: `id = "${toddlerShort.id}" && master_codes_via_vignette.score = ${score}` });
        return `items:${page.items.length}`;
      } catch (error) {
        return `status:${(error as { status: number }).status}`;
      }
    };
    const [right, wrong] = [await probe(5), await probe(1)];
    expect(right).toBe(wrong);
    expect(right).not.toBe('items:1');
  });

  it('anonymous visitors cannot read them either', async () => {
    const res = await call(null, 'GET', '/api/collections/master_codes/records', undefined, url);
    expect(res.status).toBe(403);
  });
});

describe('statistics over time', () => {
  it('GET /me/stats agrees with a hand computation', async () => {
    const root = await superuser(url);
    const fresh = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
    // Two attempts: (5,4,7) and (4,2,6) against masters (5,2,6).
    await call(fresh.pb, 'POST', '/api/tettpa/attempts', { vignette: toddlerShort.slug, scores: good });
    await call(fresh.pb, 'POST', '/api/tettpa/attempts', {
      vignette: toddlerShort.slug,
      scores: { 'positive-climate': 4, 'negative-climate': 2, 'teacher-sensitivity': 6 },
    });
    const { status, json } = await call(fresh.pb, 'GET', '/api/tettpa/me/stats');
    expect(status).toBe(200);
    expect(json.attempts).toBe(2);
    expect(json.codes).toBe(6);
    // Deviations: 0, +2, +1, −1, 0, 0 → within one 5/6, exact 3/6.
    expect(json.withinOne).toBeCloseTo(5 / 6);
    expect(json.exact).toBeCloseTo(0.5);
    expect(json.byDimension['positive-climate']).toEqual({ codes: 2, withinOne: 1, exact: 0.5, bias: -0.5 });
    expect(json.byDimension['negative-climate']).toEqual({ codes: 2, withinOne: 0.5, exact: 0.5, bias: 1 });
    // Pairs (5,5) (4,2) (7,6) (4,5) (2,2) (6,6): Σ(a−b)² = 0+4+1+1+0+0 = 6, n = 6.
    // Σ over all 36 learner × master pairs of (a−b)²: 20 (5) + 18 (4) + 60 (7) + 18 (4) + 50 (2) + 34 (6)
    // = 200, so κ = 1 − 6·6/200 = 0.82 (scikit-learn agrees).
    expect(json.weightedKappa).toBeCloseTo(0.82, 10);
  });
});
