// A second coder beside the master codes: figures checked against a hand computation.
import { describe, expect, it } from 'vitest';
import { agreementReport, compareCoders, secondCodesSchema } from '../../scripts/lib/coder-agreement.mjs';

const code = (dimension: string, score: number) => ({ dimension, score, justification: 'x'.repeat(80) });
const vignettes = [
  { slug: 'a', kind: 'short', dimensions: ['positive-climate', 'negative-climate'], codes: [code('positive-climate', 5), code('negative-climate', 2)] },
  { slug: 'b', kind: 'short', dimensions: ['teacher-sensitivity'], codes: [code('teacher-sensitivity', 3)] },
];

describe('comparing a second coder with the master codes', () => {
  it('agrees with a hand computation', () => {
    // Pairs (second, master): (6,5) (2,2) (6,3). Σ(a−b)² = 1 + 0 + 9 = 10 over n = 3.
    // All 9 second × master pairs: 6 → 1+16+9 = 26, 2 → 9+0+1 = 10, 6 → 26; Σ = 62.
    // κ = 1 − 10·3/62 = 16/31.
    const summary = compareCoders(vignettes, { a: { 'positive-climate': 6, 'negative-climate': 2 }, b: { 'teacher-sensitivity': 6 } });
    expect(summary.codes).toBe(3);
    expect([summary.vignettes, summary.of]).toEqual([2, 2]);
    expect(summary.withinOne).toBeCloseTo(2 / 3);
    expect(summary.exact).toBeCloseTo(1 / 3);
    expect(summary.weightedKappa).toBeCloseTo(16 / 31, 10);
    expect(summary.byDimension['teacher-sensitivity']).toEqual({ codes: 1, withinOne: 0, exact: 0, bias: 3 });
    expect(summary.disagreements).toEqual([{ slug: 'b', kind: 'short', dimension: 'teacher-sensitivity', master: 3, second: 6 }]);
    const report = agreementReport(summary, { source: 'test.json', threshold: 0.8 });
    expect(report).toContain('Innenfor én: **67 %**');
    expect(report).toMatch(/\| b \| [^|]+ \| 3 \| 6 \|/);
  });

  it('refuses a second coding with gaps or extra codes, naming each', () => {
    expect(() => compareCoders(vignettes, { a: { 'positive-climate': 6 }, c: { 'positive-climate': 1 } })).toThrow(
      /c: finnes ikke blant vignettene[\s\S]*a: mangler negative-climate[\s\S]*b: mangler/,
    );
    expect(() => compareCoders(vignettes, { a: { 'positive-climate': 6, 'negative-climate': 2, productivity: 4 }, b: { 'teacher-sensitivity': 3 } })).toThrow(
      /a: productivity skal ikke kodes/,
    );
  });

  it('with partial, compares only the vignettes coded, and says so', () => {
    const summary = compareCoders(vignettes, { b: { 'teacher-sensitivity': 4 } }, { partial: true });
    expect([summary.codes, summary.vignettes, summary.of, summary.exact]).toEqual([1, 1, 2, 0]);
    expect(agreementReport(summary, { source: 'x', threshold: 0.8 })).toContain('1 koder i 1 av 2 vignetter');
    expect(() => compareCoders(vignettes, { b: { 'teacher-sensitivity': 4, 'positive-climate': 3 } }, { partial: true })).toThrow(/positive-climate skal ikke kodes/);
  });

  it('accepts only whole scores from 1 to 7 in the file', () => {
    expect(secondCodesSchema.safeParse({ a: { 'positive-climate': 8 } }).success).toBe(false);
    expect(secondCodesSchema.safeParse({ a: { 'positive-climate': 3.5 } }).success).toBe(false);
    expect(secondCodesSchema.safeParse({ a: { 'positive-climate': 7 } }).success).toBe(true);
  });
});
