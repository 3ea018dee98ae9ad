// The scoring module of the hooks, checked against values computed by hand (and, for kappa,
// also with scikit-learn's cohen_kappa_score(weights="quadratic"), an independent implementation).
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

const scoring = createRequire(import.meta.url)('../../pb_hooks/lib/scoring.js');

describe('validating codes', () => {
  const allowed = ['positive-climate', 'negative-climate'];
  const ok = { 'positive-climate': 4, 'negative-climate': 1 };

  it('accepts an integer 1–7 for every dimension of the vignette', () => {
    expect(scoring.validateScores(ok, allowed)).toEqual({ scores: ok });
  });

  it.each([0, 8, 3.5, 'x', null, '4', Number.NaN])('refuses the code %s', (bad) => {
    const result = scoring.validateScores({ ...ok, 'positive-climate': bad }, allowed);
    expect(result.error).toMatch(/heltall fra 1 til 7/);
  });

  it('refuses a dimension the vignette is not coded on, and a missing one', () => {
    expect(scoring.validateScores({ ...ok, productivity: 4 }, allowed).error).toMatch(/kodes ikke i denne vignetten/);
    expect(scoring.validateScores({ 'positive-climate': 4 }, allowed).error).toMatch(/Mangler: negative-climate/);
    expect(scoring.validateScores([4, 1], allowed).error).toMatch(/objekt/);
  });
});

describe('comparing with master codes', () => {
  it('marks exact, within one and the signed deviation, and the fractions', () => {
    const masters = {
      'positive-climate': { score: 5, justification: 'a' },
      'negative-climate': { score: 2, justification: 'b' },
      'teacher-sensitivity': { score: 6, justification: 'c' },
    };
    const scores = { 'positive-climate': 5, 'negative-climate': 4, 'teacher-sensitivity': 7 };
    const { results, withinOne, exact } = scoring.compareWithMaster(scores, masters, Object.keys(masters));
    expect(results.map((r: { exact: boolean; withinOne: boolean; deviation: number }) => [r.exact, r.withinOne, r.deviation])).toEqual([
      [true, true, 0],
      [false, false, 2],
      [false, true, 1],
    ]);
    expect(withinOne).toBeCloseTo(2 / 3);
    expect(exact).toBeCloseTo(1 / 3);
  });
});

describe('quadratic-weighted kappa', () => {
  it('matches a hand computation', () => {
    // Learner 1,2,3,4 against master 1,3,3,2. Σ(a−b)² = 0+1+0+4 = 5, n = 4.
    // Rows (learner) one each of 1–4; columns (master) 1:1, 2:1, 3:2.
    // Σ(i−j)²·row·col = 9 (i=1) + 3 (i=2) + 5 (i=3) + 15 (i=4) = 32. κ = 1 − 5·4/32 = 0.375.
    expect(scoring.quadraticWeightedKappa([[1, 1], [2, 3], [3, 3], [4, 2]])).toBeCloseTo(0.375, 10);
  });

  it('matches scikit-learn on a longer series', () => {
    const learner = [3, 4, 5, 6, 2, 7, 1, 4];
    const master = [3, 5, 5, 4, 2, 6, 2, 4];
    const pairs = learner.map((a, i) => [a, master[i]]);
    expect(scoring.quadraticWeightedKappa(pairs)).toBeCloseTo(0.8372093023255813, 10);
  });

  it('is 1 for perfect agreement and undefined (null) when every code is the same value', () => {
    expect(scoring.quadraticWeightedKappa([[2, 2], [5, 5], [7, 7]])).toBe(1);
    expect(scoring.quadraticWeightedKappa([[4, 4], [4, 4]])).toBeNull();
    expect(scoring.quadraticWeightedKappa([])).toBeNull();
  });
});

describe('summaries', () => {
  it('gives agreement and bias per dimension', () => {
    const r = (dimension: string, score: number, master: number) => ({
      dimension,
      score,
      master,
      deviation: score - master,
      exact: score === master,
      withinOne: Math.abs(score - master) <= 1,
    });
    const summary = scoring.summarize([r('positive-climate', 6, 5), r('positive-climate', 7, 6), r('positive-climate', 4, 5), r('negative-climate', 1, 3)]);
    expect(summary.codes).toBe(4);
    expect(summary.withinOne).toBe(0.75);
    expect(summary.exact).toBe(0);
    // Positive Climate: deviations +1, +1, −1 → bias 1/3; Negative Climate: −2.
    expect(summary.byDimension['positive-climate'].bias).toBeCloseTo(1 / 3);
    expect(summary.byDimension['negative-climate']).toEqual({ codes: 1, withinOne: 0, exact: 0, bias: -2 });
    expect(scoring.practiseNext(summary.byDimension, 0.8)).toEqual(['negative-climate']);
  });
});

describe('drawing cycles for a check', () => {
  const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  it('draws the requested number of distinct cycles', () => {
    const drawn = scoring.drawCycles(all, [], 5);
    expect(new Set(drawn).size).toBe(5);
    drawn.forEach((slug: string) => expect(all).toContain(slug));
  });

  it('leaves out the cycles of earlier checks while others remain', () => {
    for (let i = 0; i < 50; i++) {
      const drawn = scoring.drawCycles(all, [['a'], ['b']], 5);
      expect(drawn).not.toContain('a');
      expect(drawn).not.toContain('b');
    }
  });

  it('reuses the ones met longest ago when there are too few new ones', () => {
    for (let i = 0; i < 50; i++) {
      const drawn = scoring.drawCycles(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [['d', 'e', 'f'], ['a', 'b', 'c']], 5);
      expect(drawn).toContain('g');
      expect(drawn).toContain('h');
      // The older check's cycles come back before the last check's.
      expect([...drawn].sort()).toEqual(['a', 'b', 'c', 'g', 'h']);
    }
  });

  it('never repeats a cycle until every cycle of a pool of 12 has been met, checks after checks', () => {
    const pool = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const history: string[][] = [];
    let metSinceStart = new Set<string>();
    for (let n = 0; n < 40; n++) {
      const drawn: string[] = scoring.drawCycles(pool, history, 5);
      expect(new Set(drawn).size).toBe(5);
      const unmet = pool.filter((s) => !metSinceStart.has(s));
      // Every cycle not yet met in this turn of the pool is drawn before any repeat.
      expect(drawn.filter((s) => unmet.includes(s)).length).toBe(Math.min(5, unmet.length));
      // When the pool starts over, the last check's cycles wait if they can.
      if (history[0] && unmet.length < 5) expect(drawn.filter((s) => history[0]!.includes(s))).toEqual([]);
      for (const s of drawn) metSinceStart.add(s);
      // The check that meets the last ones starts the next turn: all of it counts as met there.
      if (metSinceStart.size === pool.length) metSinceStart = new Set(drawn);
      history.unshift(drawn);
    }
  });
});
