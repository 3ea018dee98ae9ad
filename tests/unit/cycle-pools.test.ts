// The observation cycles as observers meet them: enough unseen cycles for the check, enough to
// practise on, mostly mixed profiles (the Norwegian studies find climate middle to high and support
// for learning low to middle), and each the length of a real cycle.
import { describe, expect, it } from 'vitest';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';

interface Cycle {
  slug: string;
  ageGroup: 'toddler' | 'pre-k';
  pool: 'practice' | 'check';
  body: string;
  codes: { dimension: string; score: number }[];
}

const cycles = (readVignettes() as (Cycle & { kind: string })[]).filter((v) => v.kind === 'cycle');
const band = (score: number) => (score <= 2 ? 'lav' : score <= 5 ? 'middels' : 'høy');

/** Bands spanned by a cycle's codes; negative climate is left out, since a calm room scores 1 there. */
function bandsOf(cycle: Pick<Cycle, 'codes'>): Set<string> {
  return new Set(cycle.codes.filter((c) => c.dimension !== 'negative-climate').map((c) => band(c.score)));
}

/** Minutes from the first to the last time stamp that opens a paragraph ("10.05. …"). */
function minutesCovered(body: string): number {
  const stamps = [...body.matchAll(/(?:^|\n)\s*(\d{1,2})[.:](\d{2})\b/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return stamps.length < 2 ? 0 : Math.max(...stamps) - Math.min(...stamps);
}

describe('the observation cycles', () => {
  for (const ageGroup of ['toddler', 'pre-k'] as const) {
    it(`give ${ageGroup} at least 10 check cycles and 6 practice cycles`, () => {
      const mine = cycles.filter((c) => c.ageGroup === ageGroup);
      expect(mine.filter((c) => c.pool === 'check').length).toBeGreaterThanOrEqual(10);
      expect(mine.filter((c) => c.pool === 'practice').length).toBeGreaterThanOrEqual(6);
    });
  }

  it('mix bands in at least half of all cycles', () => {
    const mixed = cycles.filter((c) => bandsOf(c).size >= 2);
    expect(mixed.length * 2).toBeGreaterThanOrEqual(cycles.length);
  });

  it('each describe what fits in 15–20 minutes of observation', () => {
    const outside = cycles.map((c) => ({ slug: c.slug, minutes: minutesCovered(c.body) })).filter((c) => c.minutes < 14 || c.minutes > 20);
    expect(outside).toEqual([]);
  });

  it('measure what they claim on planted examples', () => {
    expect(bandsOf({ codes: [{ dimension: 'negative-climate', score: 1 }, { dimension: 'positive-climate', score: 6 }, { dimension: 'teacher-sensitivity', score: 7 }] }).size).toBe(1);
    expect(bandsOf({ codes: [{ dimension: 'positive-climate', score: 6 }, { dimension: 'language-modeling', score: 3 }] }).size).toBe(2);
    expect(minutesCovered('Innledning.\n\n10.00. Start.\n\n10.12. Midt.\n\n10.32. Slutt.')).toBe(32);
    expect(minutesCovered('Ingen tider her.')).toBe(0);
  });
});
