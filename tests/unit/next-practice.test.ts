// "Neste øving for deg" and drift (pb_hooks/lib/next-practice.js), on hand-made histories.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import catalogue from '../../src/lib/class/catalogue.json';

const next = createRequire(import.meta.url)('../../pb_hooks/lib/next-practice.js');
const bands = catalogue.scale.bands;
const labelOf = (key: string) => catalogue.dimensions.find((d) => d.key === key)!.nb;
const fixed = () => 0.5;

type Code = { dimension: string; score: number; master: number; deviation: number };
const code = (dimension: string, score: number, master: number): Code => ({ dimension, score, master, deviation: score - master });
const repeat = (n: number, make: (i: number) => Code[]) => Array.from({ length: n }, (_, i) => make(i)).flat();

const vignette = (slug: string, masters: Record<string, number>, extra: { kind?: string; pool?: string } = {}) => ({
  slug,
  title: `Tittel ${slug}`,
  kind: extra.kind ?? 'short',
  pool: extra.pool ?? '',
  masters,
});

const library = [
  vignette('sprak-lav', { 'language-modeling': 2, 'quality-of-feedback': 2 }),
  vignette('sprak-middels', { 'language-modeling': 4 }),
  vignette('sprak-hoy', { 'language-modeling': 6 }),
  vignette('klima-hoy', { 'positive-climate': 7, 'teacher-sensitivity': 6 }),
  vignette('klima-lav', { 'positive-climate': 1, 'negative-climate': 6 }),
  vignette('sjekk-syklus', { 'language-modeling': 1, 'positive-climate': 4 }, { kind: 'cycle', pool: 'check' }),
];

/** Codes that hit the master on climate, and code language 2 too high when its master is low. */
function planted(extra = 0) {
  return repeat(6 + extra, () => [code('positive-climate', 6, 6), code('language-modeling', 3, 1), code('language-modeling', 5, 5)]);
}

describe('the weak spot', () => {
  it('is the dimension with the largest bias, in the band where the observer misses, said in one Norwegian sentence', () => {
    const codes = [
      ...repeat(6, () => [code('language-modeling', 3, 2), code('language-modeling', 3, 2)]),
      ...repeat(6, () => [code('language-modeling', 5, 5), code('positive-climate', 6, 6)]),
    ];
    // Language: low band codes 1 too high every time (bias 1,0 there); middle exact.
    const offer = next.nextPractice({ codes, practised: [], vignettes: library, bands, labelOf, random: fixed });
    expect(offer).toMatchObject({ vignette: 'sprak-lav', dimension: 'language-modeling', band: 'low', starter: false });
    expect(offer.reason).toBe('Du setter Språkstøtte i snitt 1,0 for høyt når masterkoden er lav.');
  });

  it('weighs the bias of the band, with a decimal comma', () => {
    const codes = [
      ...repeat(10, () => [code('positive-climate', 4, 4)]),
      // 0,9 too high on average when the master is low: 3,3,3,3,3,3,3,3,3,1 against 2.
      ...repeat(9, () => [code('language-modeling', 3, 2)]),
      code('language-modeling', 2, 2),
      code('language-modeling', 4, 4),
    ];
    const offer = next.nextPractice({ codes, practised: [], vignettes: library, bands, labelOf, random: fixed });
    expect(offer.reason).toBe('Du setter Språkstøtte i snitt 0,9 for høyt når masterkoden er lav.');
  });

  it('names misses rather than a bias when the observer misses to both sides', () => {
    const codes = [...repeat(8, () => [code('positive-climate', 6, 6)]), ...repeat(4, () => [code('language-modeling', 7, 4), code('language-modeling', 1, 4)])];
    const offer = next.nextPractice({ codes, practised: [], vignettes: library, bands, labelOf, random: fixed });
    expect(offer).toMatchObject({ vignette: 'sprak-middels', dimension: 'language-modeling', band: 'middle' });
    expect(offer.reason).toBe('Du er mer enn ett poeng fra masterkoden på Språkstøtte i 8 av 8 koder når masterkoden er middels.');
  });

  it('never offers a check-pool cycle, even when only it trains the weak spot', () => {
    const codes = planted();
    const onlyCheck = [library[5], library[3]];
    for (let i = 0; i < 20; i++) {
      const offer = next.nextPractice({ codes, practised: [], vignettes: onlyCheck, bands, labelOf, random: Math.random });
      expect(offer.vignette).not.toBe('sjekk-syklus');
    }
  });

  it('offers what was not practised recently, and repeats one only when nothing else trains the spot', () => {
    const lows = [vignette('lav-a', { 'language-modeling': 1 }), vignette('lav-b', { 'language-modeling': 2 }), ...library.slice(1, 4)];
    const codes = planted();
    expect(next.nextPractice({ codes, practised: ['lav-a'], vignettes: lows, bands, labelOf, random: fixed }).vignette).toBe('lav-b');
    expect(next.nextPractice({ codes, practised: ['lav-b'], vignettes: lows, bands, labelOf, random: fixed }).vignette).toBe('lav-a');
    // Both practised: the one practised longest ago comes back, still in the low band.
    expect(next.nextPractice({ codes, practised: ['lav-b', 'lav-a'], vignettes: lows, bands, labelOf, random: fixed }).vignette).toBe('lav-b');
  });

  it('prefers the age group the misses came from, among vignettes equally fresh', () => {
    const both = [
      { ...vignette('sprak-lav-smabarn', { 'language-modeling': 2 }), ageGroup: 'toddler' },
      { ...vignette('sprak-lav-forskole', { 'language-modeling': 1 }), ageGroup: 'pre-k' },
    ];
    const codes = planted().map((c) => ({ ...c, ageGroup: 'pre-k' }));
    for (const random of [() => 0.1, () => 0.9, Math.random]) {
      expect(next.nextPractice({ codes, practised: [], vignettes: both, bands, labelOf, random }).vignette).toBe('sprak-lav-forskole');
    }
  });

  it('judges the recent codes: a bias long gone no longer counts', () => {
    const old = repeat(25, () => [code('language-modeling', 3, 1)]);
    const now = repeat(20, () => [code('language-modeling', 1, 1), code('positive-climate', 3, 6)]);
    const offer = next.nextPractice({ codes: [...old, ...now], practised: [], vignettes: library, bands, labelOf, random: fixed });
    expect(offer).toMatchObject({ dimension: 'positive-climate', band: 'high', vignette: 'klima-hoy' });
    expect(offer.reason).toBe('Du setter Positivt klima i snitt 3,0 for lavt når masterkoden er høy.');
  });
});

describe('too little history', () => {
  it(`below ${next.MIN_CODES} codes, a short varied set, and it says so`, () => {
    const codes = repeat(next.MIN_CODES - 1, () => [code('language-modeling', 3, 1)]);
    const offer = next.nextPractice({ codes, practised: [], vignettes: library, bands, labelOf, random: fixed });
    expect(offer).toMatchObject({ starter: true, dimension: null, band: null });
    expect(offer.reason).toContain('kort, variert sett');
    const set = next.starterSet(library, bands, [], 5);
    expect(set.map((v: { slug: string }) => v.slug)).not.toContain('sjekk-syklus');
    expect(set.every((v: { kind: string }) => v.kind === 'short')).toBe(true);
    // Varied: the first three cover five dimensions between them.
    const covered = new Set(set.slice(0, 3).flatMap((v: { masters: object }) => Object.keys(v.masters)));
    expect(covered.size).toBeGreaterThanOrEqual(5);
    expect(offer.vignette).toBe(set[0].slug);
  });

  it('moves on through the set as the observer practises', () => {
    const first = next.nextPractice({ codes: [], practised: [], vignettes: library, bands, labelOf, random: fixed }).vignette;
    const second = next.nextPractice({ codes: [], practised: [first], vignettes: library, bands, labelOf, random: fixed }).vignette;
    expect(second).not.toBe(first);
  });
});

describe('drift', () => {
  it('flags a dimension whose bias over its last 20 codes is beyond ±0,75, and no other', () => {
    const codes = [
      ...repeat(10, () => [code('language-modeling', 4, 4)]),
      ...repeat(20, (i) => [code('language-modeling', i < 16 ? 5 : 4, 4)]), // bias 0,8 over the last 20
      ...repeat(20, (i) => [code('positive-climate', i < 15 ? 3 : 4, 4)]), // bias −0,75: not beyond
    ];
    const result = next.drift(codes, bands);
    const byKey = Object.fromEntries(result.dimensions.map((d: { dimension: string }) => [d.dimension, d]));
    expect(byKey['language-modeling']).toMatchObject({ codes: 20, flagged: true });
    expect(byKey['language-modeling'].bias).toBeCloseTo(0.8);
    expect(byKey['positive-climate']).toMatchObject({ flagged: false });
    expect(byKey['positive-climate'].bias).toBeCloseTo(-0.75);
  });

  it(`flags no dimension on fewer than ${next.DRIFT_MIN_CODES} recent codes: a couple of codes say little`, () => {
    const few = repeat(next.DRIFT_MIN_CODES - 1, () => [code('language-modeling', 4, 2)]);
    expect(next.drift(few, bands).dimensions[0]).toMatchObject({ codes: next.DRIFT_MIN_CODES - 1, bias: 2, flagged: false });
    const enough = [...few, code('language-modeling', 4, 2)];
    expect(next.drift(enough, bands).dimensions[0]).toMatchObject({ flagged: true });
  });

  it('flags an observer who never uses an end of the scale where the master code does', () => {
    const codes = [...repeat(4, () => [code('positive-climate', 3, 1), code('teacher-sensitivity', 6, 7)]), code('negative-climate', 3, 3)];
    const result = next.drift(codes, bands);
    expect(result.ends).toEqual([
      { band: 'low', min: 1, max: 2, master: 4, own: 0, flagged: true },
      { band: 'high', min: 6, max: 7, master: 4, own: 4, flagged: false },
    ]);
    expect(result.distribution[0]).toEqual({ score: 1, master: 4, own: 0 });
    expect(result.distribution[2]).toEqual({ score: 3, master: 1, own: 5 });
  });
});
