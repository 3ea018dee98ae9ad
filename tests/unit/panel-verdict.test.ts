// When a kodepanel disagrees with a vignette's master codes, and that the panel's statistic is the
// very one compare-codes reports (one implementation in the hooks' scoring module).
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { compareCoders } from '../../scripts/lib/coder-agreement.mjs';

const scoring = createRequire(import.meta.url)('../../pb_hooks/lib/scoring.js');
const masters = { 'teacher-sensitivity': { score: 4, justification: 'x' }, 'positive-climate': { score: 5, justification: 'x' } };
const dimensions = ['teacher-sensitivity', 'positive-climate'];
const coding = (ts: number, pc: number) => ({ slug: 'v', kind: 'short', dimensions, masters, scores: { 'teacher-sensitivity': ts, 'positive-climate': pc } });

describe('a panel’s verdict on a vignette', () => {
  it('agrees when at least 80 % are within one and no dimension has a majority two or more apart', () => {
    const summary = scoring.agreementWithMaster([coding(4, 5), coding(5, 5), coding(6, 5), coding(4, 6), coding(3, 4)]);
    // One code of ten two apart: 90 % within one, and one coder of five is no majority.
    expect(summary.withinOne).toBeCloseTo(0.9);
    expect(scoring.panelVerdict(summary, 5)).toEqual([]);
  });

  it('disagrees when a majority is two or more from the master code on one dimension, even above 80 %', () => {
    const summary = scoring.agreementWithMaster([coding(6, 5), coding(6, 5), coding(4, 5)]);
    expect(scoring.panelVerdict(summary, 3)).toEqual([
      { kind: 'withinOne', withinOne: 4 / 6 },
      { kind: 'majorityApart', dimension: 'teacher-sensitivity', coders: 2 },
    ]);
    // A cycle coded on five dimensions: two of three coders apart on one is 2 of 15 codes, 87 %
    // within one, and still the panel disagrees.
    const five = ['positive-climate', 'negative-climate', 'teacher-sensitivity', 'language-modeling', 'quality-of-feedback'];
    const fiveMasters = Object.fromEntries(five.map((d) => [d, { score: 4, justification: 'x' }]));
    const cycle = (ts: number) => ({ slug: 'c', kind: 'cycle', dimensions: five, masters: fiveMasters, scores: { ...Object.fromEntries(five.map((d) => [d, 4])), 'teacher-sensitivity': ts } });
    const wide = scoring.agreementWithMaster([cycle(6), cycle(2), cycle(4)]);
    expect(wide.withinOne).toBeCloseTo(13 / 15);
    expect(scoring.panelVerdict(wide, 3)).toEqual([{ kind: 'majorityApart', dimension: 'teacher-sensitivity', coders: 2 }]);
    // Half is no majority: 5 of 10 apart gives 75 % within one, and only that reason.
    const half = [...Array(5)].map(() => coding(6, 5)).concat([...Array(5)].map(() => coding(4, 5)));
    expect(scoring.panelVerdict(scoring.agreementWithMaster(half), 10)).toEqual([{ kind: 'withinOne', withinOne: 15 / 20 }]);
  });

  it('reports the same figures as compare-codes for the same codes', () => {
    const file = { v: { 'teacher-sensitivity': 6, 'positive-climate': 5 } };
    const vignettes = [{ slug: 'v', kind: 'short', dimensions, codes: Object.entries(masters).map(([dimension, m]) => ({ dimension, ...m })) }];
    const script = compareCoders(vignettes, file);
    const panel = scoring.agreementWithMaster([coding(6, 5)]);
    expect({ ...panel }).toEqual({ codes: script.codes, withinOne: script.withinOne, exact: script.exact, weightedKappa: script.weightedKappa, byDimension: script.byDimension, disagreements: script.disagreements });
  });
});
