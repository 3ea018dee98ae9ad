// Issue 11: check cycles are never practice material. Its own server, seeded with the vignettes we
// ship plus fixture check cycles, so that the draws below know every cycle there is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';
import { seedVignettes } from '../../scripts/lib/seed-vignettes.mjs';
import { removeDataDir, startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { checkTextOf, createCycle } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { listen } from '../support/realtime';
import { dimensionsOf } from '../../src/lib/class/catalogue';

interface Vignette {
  slug: string;
  ageGroup: 'toddler' | 'pre-k';
  kind: 'short' | 'cycle';
  pool?: 'practice' | 'check';
  dimensions: string[];
  body: string;
  formerSlugs: string[];
  codes: Array<{ dimension: string; score: number; justification: string }>;
}

const shipped: Vignette[] = readVignettes();
const checkPool = shipped.filter((v) => v.pool === 'check');
const practiceCycle = shipped.find((v) => v.kind === 'cycle' && v.pool === 'practice')!;
const short = shipped.find((v) => v.kind === 'short')!;
/** Codes for a vignette: 4 on every dimension it is coded on. */
const fours = (v: { dimensions: string[] }) => Object.fromEntries(v.dimensions.map((d) => [d, 4]));

let server: TestServer;
let barnehage: string;
const admin = () => ({ url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });

async function attemptsOf(userId: string) {
  const root = await superuser(server.url);
  return root.collection('attempts').getFullList({ filter: root.filter('user = {:u}', { u: userId }) });
}

async function learner(): Promise<TestUser> {
  return createUser(await superuser(server.url), 'deltaker', barnehage);
}

beforeAll(async () => {
  server = await startTestServer();
  await seedVignettes(admin());
  barnehage = (await createBarnehage(await superuser(server.url))).id;
});
afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

describe('practice never serves a check-pool cycle', () => {
  it('there are check-pool cycles to refuse in both age groups', () => {
    expect(checkPool.filter((v) => v.ageGroup === 'toddler').length).toBeGreaterThan(0);
    expect(checkPool.filter((v) => v.ageGroup === 'pre-k').length).toBeGreaterThan(0);
  });

  it('refuses every check-pool cycle with a Norwegian 403, no master code in the answer, nothing stored', async () => {
    const someone = await learner();
    for (const v of checkPool) {
      const res = await call(someone.pb, 'POST', '/api/tettpa/attempts', { vignette: v.slug, scores: fours(v) });
      expect(res.status, v.slug).toBe(403);
      expect(res.json.message, v.slug).toMatch(/hører til reliabilitetssjekken og kan ikke brukes til øving/);
      expect(JSON.stringify(res.json), v.slug).not.toMatch(/master|justification/);
    }
    expect(await attemptsOf(someone.id)).toHaveLength(0);
  });

  it('still gives feedback on a practice-pool cycle and on a short vignette (the refusal is about the pool)', async () => {
    const someone = await learner();
    for (const v of [practiceCycle, short]) {
      const res = await call(someone.pb, 'POST', '/api/tettpa/attempts', { vignette: v.slug, scores: fours(v) });
      expect(res.status, v.slug).toBe(200);
      expect(res.json.results).toHaveLength(v.dimensions.length);
    }
  });

  it('keeps the text of a check-pool cycle out of every collection read a learner can make', async () => {
    const someone = await learner();
    const v = checkPool[0]!;
    const stretch = v.body.slice(40, 100);
    const listed = await someone.pb.collection('vignettes').getFullList({ filter: someone.pb.filter('slug = {:s}', { s: v.slug }) });
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(stretch);
    expect(listed[0]!.checkText).toBeUndefined();
    // Earlier slugs often named the verdict ("kjeft-i-garderoben"): a learner never sees them.
    expect(listed[0]!.formerSlugs).toBeUndefined();
    // A filter on the hidden field is no oracle either: the right guess and a wrong one get the same answer.
    const probe = async (text: string) => {
      try {
        return `items:${(await someone.pb.collection('vignettes').getList(1, 5, { filter: someone.pb.filter('slug = {:s} && checkText ~ {:t}', { s: v.slug, t: text }) })).items.length}`;
      } catch (error) {
        return `status:${(error as { status: number }).status}`;
      }
    };
    const [right, wrong] = [await probe(stretch), await probe('ingen slik tekst')];
    expect(right).toBe(wrong);
    expect(right).not.toBe('items:1');
    // The superuser sees that the text really is stored (so the checks above mean something).
    const root = await superuser(server.url);
    const stored = await root.collection('vignettes').getFirstListItem(root.filter('slug = {:s}', { s: v.slug }));
    expect(stored.checkText).toContain(stretch);

    // Realtime: the learner gets the update of the record (the control that the listener works), without the text.
    const listener = await listen(server.url, someone.pb.authStore.token, ['vignettes']);
    try {
      await root.collection('vignettes').update(stored.id, { checkText: `${stored.checkText} ` });
      await expect.poll(() => listener.events.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect((listener.events[0]!.data as { record: { slug: string } }).record.slug).toBe(v.slug);
      expect(JSON.stringify(listener.events)).not.toContain(stretch);
    } finally {
      listener.close();
      await root.collection('vignettes').update(stored.id, { checkText: stored.checkText });
    }
  });
});

describe('the reliability check draws from the check pool only', () => {
  const fixtures = new Set<string>();

  beforeAll(async () => {
    const root = await superuser(server.url);
    // Nine more toddler check cycles (with the shipped ones, at least 10), and a practice-pool cycle that must never be drawn.
    for (let i = 0; i < 9; i++) fixtures.add((await createCycle(root, 'toddler', 2 + (i % 5))).slug);
    await createCycle(root, 'toddler', 4, undefined, 'practice');
  });

  async function toddlerPool() {
    const root = await superuser(server.url);
    return (await root.collection('vignettes').getFullList({ filter: 'kind = "cycle" && ageGroup = "toddler" && pool = "check"' })).map((v) => v.slug);
  }

  it('never repeats a cycle until the learner has met them all, then starts over avoiding the last check', async () => {
    const pool = await toddlerPool();
    expect(pool.length).toBeGreaterThanOrEqual(10);
    const someone = await learner();
    let unmet = new Set(pool);
    let last: string[] = [];
    for (let n = 0; n < 8; n++) {
      const { status, json } = await call(someone.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
      expect(status).toBe(200);
      const drawn: string[] = json.cycles;
      expect(new Set(drawn).size).toBe(5);
      for (const slug of drawn) expect(pool, slug).toContain(slug);
      const fresh = drawn.filter((s) => unmet.has(s));
      expect(fresh.length, `check ${n + 1}`).toBe(Math.min(5, unmet.size));
      if (unmet.size < 5) expect(drawn.filter((s) => last.includes(s)), `check ${n + 1}`).toEqual([]);
      for (const s of drawn) unmet.delete(s);
      // The check that meets the last unmet cycles begins the next turn of the pool.
      if (unmet.size === 0) unmet = new Set(pool.filter((s) => !drawn.includes(s)));
      last = drawn;
    }
  });

  it('counts a cycle the learner practised before it went to the check pool as met: drawn only after every unmet one', async () => {
    const root = await superuser(server.url);
    const pool = await toddlerPool();
    const someone = await learner();
    // Practice attempts from before the pools existed: the route refuses them now, so the superuser writes them.
    const practised = pool.slice(0, pool.length - 5);
    for (const slug of practised) {
      const v = await root.collection('vignettes').getFirstListItem(root.filter('slug = {:s}', { s: slug }));
      await root.collection('attempts').create({ user: someone.id, vignette: v.id, scores: { x: 4 }, results: [{ dimension: 'x' }], withinOne: 1, exact: 1 });
    }
    const first = await call(someone.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
    expect([...first.json.cycles].sort()).toEqual(pool.slice(pool.length - 5).sort());
    // Next: nothing is unmet; the practised ones were met before the last check, so they come first.
    const second = await call(someone.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
    expect(second.json.cycles.filter((s: string) => first.json.cycles.includes(s))).toHaveLength(Math.max(0, 5 - practised.length));
  });

  it('hands out the text of each cycle of an open check to its learner only, and no more once it is complete', async () => {
    const someone = await learner();
    const other = await learner();
    const { json: check } = await call(someone.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
    for (const slug of check.cycles as string[]) {
      const res = await call(someone.pb, 'GET', `/api/tettpa/checks/${check.id}/cycles/${slug}`);
      expect(res.status, slug).toBe(200);
      const body = fixtures.has(slug) ? checkTextOf(slug) : shipped.find((v) => v.slug === slug)!.body;
      expect(res.json.paragraphs.join('\n\n')).toBe(body.split(/\n\s*\n/).map((p) => p.trim()).join('\n\n'));
      expect(res.json.paragraphs.length).toBeGreaterThan(1);
      expect((await call(other.pb, 'GET', `/api/tettpa/checks/${check.id}/cycles/${slug}`)).status).toBe(404);
    }
    const outside = checkPool.find((v) => v.ageGroup === 'pre-k')!.slug;
    const notInCheck = await call(someone.pb, 'GET', `/api/tettpa/checks/${check.id}/cycles/${outside}`);
    expect(notInCheck.status).toBe(404);
    expect(notInCheck.json.message).toMatch(/hører ikke til denne reliabilitetssjekken/);

    for (const slug of check.cycles as string[]) {
      const res = await call(someone.pb, 'POST', `/api/tettpa/checks/${check.id}/cycles/${slug}`, { scores: fours({ dimensions: dimensionsOf('toddler') }) });
      expect(res.status).toBe(200);
    }
    const after = await call(someone.pb, 'GET', `/api/tettpa/checks/${check.id}/cycles/${check.cycles[0]}`);
    expect(after.status).toBe(403);
    expect(after.json.message).toMatch(/fullført/);
  });
});

describe('practice during an open cohort round', () => {
  it('refuses the round’s vignette to the cohort’s members, allows it to others, and to members once the round is over', async () => {
    const root = await superuser(server.url);
    const leader = await createUser(root, 'kursleder', barnehage);
    const member = await learner();
    const outsider = await learner();
    const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Kurs med runde', place: 'Sandvika' });
    expect((await call(member.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
    const other = shipped.filter((v) => v.kind === 'short' && v.slug !== short.slug)[0]!;
    const round = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: short.slug });
    expect(round.status).toBe(200);

    const refused = await call(member.pb, 'POST', '/api/tettpa/attempts', { vignette: short.slug, scores: fours(short) });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/åpen runde/);
    expect(JSON.stringify(refused.json)).not.toMatch(/master|justification/);
    expect(await attemptsOf(member.id)).toHaveLength(0);
    // Another vignette is fine for the member; the round's vignette is fine for someone outside the cohort and for its leader.
    expect((await call(member.pb, 'POST', '/api/tettpa/attempts', { vignette: other.slug, scores: fours(other) })).status).toBe(200);
    expect((await call(outsider.pb, 'POST', '/api/tettpa/attempts', { vignette: short.slug, scores: fours(short) })).status).toBe(200);
    expect((await call(leader.pb, 'POST', '/api/tettpa/attempts', { vignette: short.slug, scores: fours(short) })).status).toBe(200);

    // Revealed: the round is over and the master codes are shown to the group anyway.
    expect((await call(leader.pb, 'POST', `/api/tettpa/rounds/${round.json.id}/reveal`)).status).toBe(200);
    expect((await call(member.pb, 'POST', '/api/tettpa/attempts', { vignette: short.slug, scores: fours(short) })).status).toBe(200);

    // A new round closes the one before: its vignette is refused, the closed round's is not.
    expect((await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: other.slug })).status).toBe(200);
    expect((await call(member.pb, 'POST', '/api/tettpa/attempts', { vignette: other.slug, scores: fours(other) })).status).toBe(403);
    expect((await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: short.slug })).status).toBe(200);
    expect((await call(member.pb, 'POST', '/api/tettpa/attempts', { vignette: other.slug, scores: fours(other) })).status).toBe(200);
  });

  it('a round cannot be opened on a check-pool cycle', async () => {
    const root = await superuser(server.url);
    const leader = await createUser(root, 'kursleder', barnehage);
    const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Kurs uten sjekksyklus', place: 'Sandvika' });
    const res = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: checkPool[0]!.slug });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/reliabilitetssjekken/);
    expect(await root.collection('cohort_rounds').getFullList({ filter: root.filter('cohort = {:c}', { c: cohort.id }) })).toHaveLength(0);
  });
});

describe('renaming a vignette through formerSlugs', () => {
  it('keeps the record, so a learner’s attempts and checks follow it, and a second seed writes nothing', async () => {
    const root = await superuser(server.url);
    const someone = await learner();
    // A short vignette and a check cycle of our own, seeded as files would be.
    const base = shipped.find((v) => v.kind === 'short' && v.ageGroup === 'toddler')!;
    const cycle = checkPool.find((v) => v.ageGroup === 'toddler')!;
    const before = [
      { ...base, slug: 'navn-for-omdoping', title: 'Før omdøpingen', formerSlugs: [] },
      { ...cycle, slug: 'syklus-for-omdoping', title: 'Syklus før omdøpingen', formerSlugs: [] },
    ];
    await seedVignettes({ ...admin(), vignettes: before });
    const original = await root.collection('vignettes').getFirstListItem(root.filter('slug = {:s}', { s: 'navn-for-omdoping' }));
    const originalCycle = await root.collection('vignettes').getFirstListItem(root.filter('slug = {:s}', { s: 'syklus-for-omdoping' }));
    const practised = await call(someone.pb, 'POST', '/api/tettpa/attempts', { vignette: 'navn-for-omdoping', scores: fours(base) });
    expect(practised.status).toBe(200);
    // A check that holds the cycle under its old name: made directly, since the draw is random.
    const check = await root.collection('reliability_checks').create({ user: someone.id, ageGroup: 'toddler', cycles: ['syklus-for-omdoping'], submitted: [], complete: false, threshold: 0.8 });
    const mastersBefore = await root.collection('master_codes').getFullList({ filter: root.filter('vignette = {:v}', { v: original.id }) });

    const after = [
      { ...before[0]!, slug: 'nytt-navn-etter-omdoping', title: 'Etter omdøpingen', formerSlugs: ['navn-for-omdoping'] },
      { ...before[1]!, slug: 'syklus-etter-omdoping', formerSlugs: ['syklus-for-omdoping'] },
    ];
    const result = await seedVignettes({ ...admin(), vignettes: after });
    expect(result.renamed).toBe(2);
    expect((await seedVignettes({ ...admin(), vignettes: after })).written).toBe(0);

    const renamed = await root.collection('vignettes').getOne(original.id);
    expect(renamed.slug).toBe('nytt-navn-etter-omdoping');
    expect(renamed.title).toBe('Etter omdøpingen');
    expect(renamed.formerSlugs).toEqual(['navn-for-omdoping']);
    expect(await root.collection('vignettes').getFullList({ filter: 'slug = "navn-for-omdoping"' })).toHaveLength(0);
    expect((await root.collection('master_codes').getFullList({ filter: root.filter('vignette = {:v}', { v: original.id }) })).map((m) => m.id).sort()).toEqual(
      mastersBefore.map((m) => m.id).sort(),
    );

    // The learner's attempt points at the renamed vignette and shows its new name.
    const own = await someone.pb.collection('attempts').getFullList({ expand: 'vignette' });
    expect(own).toHaveLength(1);
    expect(own[0]!.vignette).toBe(original.id);
    expect(own[0]!.expand?.vignette?.slug).toBe('nytt-navn-etter-omdoping');
    const exported = await call(someone.pb, 'GET', '/api/tettpa/me/export');
    expect(exported.json.attempts[0].vignette).toBe('nytt-navn-etter-omdoping');
    // Practice under the new name adds to the same record.
    expect((await call(someone.pb, 'POST', '/api/tettpa/attempts', { vignette: 'nytt-navn-etter-omdoping', scores: fours(base) })).status).toBe(200);
    expect((await attemptsOf(someone.id)).every((a) => a.vignette === original.id)).toBe(true);

    // The check stored the cycle's old slug: its text and its submission still find the same record.
    const text = await call(someone.pb, 'GET', `/api/tettpa/checks/${check.id}/cycles/syklus-for-omdoping`);
    expect(text.status).toBe(200);
    expect(text.json.paragraphs.join(' ')).toContain(cycle.body.slice(0, 40));
    const submitted = await call(someone.pb, 'POST', `/api/tettpa/checks/${check.id}/cycles/syklus-for-omdoping`, { scores: fours({ dimensions: dimensionsOf('toddler') }) });
    expect(submitted.status).toBe(200);
    const checkAttempt = (await attemptsOf(someone.id)).find((a) => a.reliability_check === check.id)!;
    expect(checkAttempt.vignette).toBe(originalCycle.id);
    const shown = await call(someone.pb, 'GET', `/api/tettpa/checks/${check.id}`);
    expect(shown.status).toBe(200);
    expect(shown.json.cycles[0].title).toBe('Syklus før omdøpingen');
  });

  it('refuses an earlier slug that is still in use or claimed by two files, and Markdown in a check-pool text', async () => {
    const { mkdtempSync, cpSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { VIGNETTE_DIR } = await import('../../scripts/lib/vignette-files.mjs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-vignetter-'));
    cpSync(VIGNETTE_DIR, dir, { recursive: true });
    const [a, b] = shipped.filter((v) => v.kind === 'short');
    const withFormer = (slug: string, former: string[]) => {
      const file = path.join(dir, `${slug}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\nformerSlugs: [${former.join(', ')}]\n`));
    };
    withFormer(a!.slug, [b!.slug, 'gammelt-navn']);
    withFormer(b!.slug, ['gammelt-navn']);
    // A check-pool text is served as plain paragraphs: Markdown marks in it are refused, not shown raw.
    const marked = path.join(dir, `${checkPool[0]!.slug}.md`);
    writeFileSync(marked, `${readFileSync(marked, 'utf8')}\nBarnet er *veldig* glad.\n`);
    expect(() => readVignettes(dir)).toThrow(new RegExp(`«${b!.slug}» er navnet på en vignett som finnes[\\s\\S]*«gammelt-navn» står også i`));
    expect(() => readVignettes(dir)).toThrow(new RegExp(`${checkPool[0]!.slug}\\.md: en syklus i sjekkpuljen vises som ren tekst`));
    rmSync(dir, { recursive: true, force: true });
  });
});
