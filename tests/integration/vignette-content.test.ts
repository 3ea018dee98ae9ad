// The vignettes we ship: enough of them, every dimension covered across the bands, master codes
// valid, seeded idempotently, and never in the built site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';
import { seedVignettes } from '../../scripts/lib/seed-vignettes.mjs';
import { dimensionsOf } from '../../src/lib/class/catalogue';
import { removeDataDir, startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';
import { superuser } from '../support/accounts';

interface Vignette {
  slug: string;
  title: string;
  ageGroup: 'toddler' | 'pre-k';
  kind: 'short' | 'cycle';
  pool?: 'practice' | 'check';
  formerSlugs: string[];
  dimensions: string[];
  body: string;
  codes: Array<{ dimension: string; score: number; justification: string }>;
}

const vignettes: Vignette[] = readVignettes();
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const band = (score: number) => (score <= 2 ? 'low' : score <= 5 ? 'middle' : 'high');

describe('the vignettes we ship', () => {
  const short = vignettes.filter((v) => v.kind === 'short');
  const cycles = vignettes.filter((v) => v.kind === 'cycle');

  it('has at least 40 short vignettes of 150–350 words', () => {
    expect(short.length).toBeGreaterThanOrEqual(40);
    for (const v of short) expect(words(v.body), v.slug).toBeGreaterThanOrEqual(150);
    for (const v of short) expect(words(v.body), v.slug).toBeLessThanOrEqual(350);
  });

  it('has at least 6 toddler and 6 pre-k cycles of 600–1,000 words, together covering 1–7', () => {
    expect(cycles.filter((c) => c.ageGroup === 'toddler').length).toBeGreaterThanOrEqual(6);
    expect(cycles.filter((c) => c.ageGroup === 'pre-k').length).toBeGreaterThanOrEqual(6);
    for (const c of cycles) {
      expect(words(c.body), c.slug).toBeGreaterThanOrEqual(600);
      expect(words(c.body), c.slug).toBeLessThanOrEqual(1000);
    }
    const scores = new Set(cycles.flatMap((c) => c.codes.map((code) => code.score)));
    expect([...scores].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  for (const group of ['toddler', 'pre-k'] as const) {
    it(`gives every ${group} dimension at least 4 short vignettes, spread over low, middle and high`, () => {
      for (const dimension of dimensionsOf(group)) {
        const codes = short.filter((v) => v.ageGroup === group).flatMap((v) => v.codes.filter((c) => c.dimension === dimension));
        expect(codes.length, dimension).toBeGreaterThanOrEqual(4);
        expect(new Set(codes.map((c) => band(c.score))).size, `${dimension} bands`).toBe(3);
      }
    });
  }

  it('justifies every master code with more than a phrase', () => {
    for (const v of vignettes) for (const c of v.codes) expect(c.justification.length, `${v.slug} ${c.dimension}`).toBeGreaterThanOrEqual(80);
  });
});

describe('master codes never reach the built site', () => {
  const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
  const built = files(dist)
    .filter((f) => /\.(html|js|json|css|txt|xml)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('the site was built with the vignettes (so the search below means something)', () => {
    const sample = vignettes.find((v) => v.pool !== 'check')!;
    expect(built).toContain(sample.title);
    expect(built).toContain(sample.body.slice(40, 100));
  });

  it('has no page, no link and no text of a check-pool cycle: those reach a learner only through the check', () => {
    const checkPool = vignettes.filter((v) => v.pool === 'check');
    expect(checkPool.length).toBeGreaterThan(0);
    for (const v of checkPool) {
      expect(existsSync(path.join(dist, 'koding', v.slug)), v.slug).toBe(false);
      expect(built.includes(`/koding/${v.slug}/`), `${v.slug} link`).toBe(false);
      // Stretches from the start, the middle and the end of the text: none is in any built file.
      for (const at of [0, Math.floor(v.body.length / 2), v.body.length - 80]) {
        expect(built.includes(v.body.slice(at, at + 60)), `${v.slug} at ${at}`).toBe(false);
      }
    }
  });

  it('contains no justification and no master-code field', () => {
    for (const v of vignettes) {
      for (const c of v.codes) {
        // A stretch from the middle of the justification: long enough to be unique.
        const middle = c.justification.slice(20, 80);
        expect(built.includes(middle), `${v.slug} ${c.dimension}`).toBe(false);
      }
    }
    // The files with master codes are never bundled either (the word "justification" itself is
    // fine: the feedback client reads that field from the server's answer).
    expect(built).not.toMatch(/master\.yaml|"codes":\s*\[\s*\{\s*"dimension"/);
  });
});

describe('seeding the vignettes into PocketBase', () => {
  let server: TestServer;
  const admin = () => ({ url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
    removeDataDir(server.dataDir);
  });

  it('writes every vignette and master code once, and nothing on a second run', async () => {
    const first = await seedVignettes(admin());
    expect(first.vignettes).toBe(vignettes.length);
    const root = await superuser(server.url);
    expect(await root.collection('vignettes').getFullList()).toHaveLength(vignettes.length);
    const codeCount = vignettes.reduce((n, v) => n + v.codes.length, 0);
    expect(await root.collection('master_codes').getFullList({ batch: 1000 })).toHaveLength(codeCount);
    expect((await seedVignettes(admin())).written).toBe(0);
  });

  it('updates a changed master code, writing only that one', async () => {
    const root = await superuser(server.url);
    const v = vignettes.find((x) => x.kind === 'short')!;
    const changed = vignettes.map((x) =>
      x.slug === v.slug ? { ...x, codes: x.codes.map((c, i) => (i === 0 ? { ...c, score: c.score === 7 ? 6 : c.score + 1 } : c)) } : x,
    );
    const result = await seedVignettes({ ...admin(), vignettes: changed });
    expect(result.written).toBe(1);
    const record = await root.collection('vignettes').getFirstListItem(root.filter('slug = {:s}', { s: v.slug }));
    const code = await root.collection('master_codes').getFirstListItem(root.filter('vignette = {:v} && dimension = {:d}', { v: record.id, d: v.codes[0]!.dimension }));
    expect(code.score).toBe(changed.find((x) => x.slug === v.slug)!.codes[0]!.score);
  });
});
