// What a closed calibration round may show, computed by hand: counts per score, and nothing at all
// below three participants.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
const stats = load('../../pb_hooks/lib/calibration-stats.js');
const scoring = load('../../pb_hooks/lib/scoring.js');

const dims = ['positive-climate', 'language-modeling'];
const masters = { 'positive-climate': 5, 'language-modeling': 2 };

describe('aggregating a calibration round', () => {
  it('counts the codes per score beside the master code, and the agreement of all codes', () => {
    const codeSets = [
      { 'positive-climate': 5, 'language-modeling': 2 },
      { 'positive-climate': 6, 'language-modeling': 4 },
      { 'positive-climate': 5, 'language-modeling': 3 },
    ];
    const out = stats.aggregateRound(codeSets, masters, dims);
    expect(out.participants).toBe(3);
    expect(out.shown).toBe(true);
    expect(out.dimensions).toEqual([
      { dimension: 'positive-climate', master: 5, distribution: [0, 0, 0, 0, 2, 1, 0] },
      { dimension: 'language-modeling', master: 2, distribution: [0, 1, 1, 1, 0, 0, 0] },
    ]);
    // Six pairs: within one 5 of 6 (4 against 2 is out), exact 3 of 6.
    expect(out.agreement.codes).toBe(6);
    expect(out.agreement.withinOne).toBeCloseTo(5 / 6);
    expect(out.agreement.exact).toBeCloseTo(3 / 6);
    const pairs = codeSets.flatMap((s) => dims.map((d) => [s[d as keyof typeof s], masters[d as keyof typeof masters]]));
    expect(out.agreement.weightedKappa).toBeCloseTo(scoring.quadraticWeightedKappa(pairs));
  });

  it('shows no distribution and no agreement with fewer than three participants', () => {
    const out = stats.aggregateRound([{ 'positive-climate': 5, 'language-modeling': 2 }, { 'positive-climate': 1, 'language-modeling': 7 }], masters, dims);
    expect(out).toMatchObject({ participants: 2, shown: false, agreement: null });
    expect(out.dimensions.map((d: { distribution: unknown }) => d.distribution)).toEqual([null, null]);
    expect(stats.MIN_PARTICIPANTS).toBe(3);
  });
});
