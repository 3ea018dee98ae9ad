// What the history page says about drift (src/lib/coding/drift-view.ts).
import { describe, expect, it } from 'vitest';
import { biasAxisMax, biasRows, driftWarnings, formatLimit, formatSigned } from '../../src/lib/coding/drift-view';
import type { Drift } from '../../src/lib/coding/next-practice-client';

const labels = { 'positive-climate': 'Positivt klima', 'negative-climate': 'Negativt klima', 'language-modeling': 'Språkstøtte' };
const drift: Drift = {
  window: 20,
  threshold: 0.75,
  minCodes: 5,
  codes: 30,
  dimensions: [
    { dimension: 'language-modeling', codes: 10, bias: 0.9, flagged: true },
    { dimension: 'positive-climate', codes: 12, bias: -1.25, flagged: true },
    { dimension: 'negative-climate', codes: 8, bias: 0.2, flagged: false },
  ],
  ends: [
    { band: 'low', min: 1, max: 2, master: 6, own: 0, flagged: true },
    { band: 'high', min: 6, max: 7, master: 4, own: 2, flagged: false },
  ],
  distribution: [],
};

describe('drift on the history page', () => {
  it('writes numbers the Norwegian way, signed in the charts', () => {
    expect(formatSigned(0.84)).toBe('+0,8');
    expect(formatSigned(-1.25)).toBe('−1,3');
    expect(formatSigned(0.02)).toBe('0,0');
    expect(formatLimit(0.75)).toBe('0,75');
  });

  it('lists dimensions in catalogue order', () => {
    expect(biasRows(drift, labels).map((r) => r.key)).toEqual(['positive-climate', 'negative-climate', 'language-modeling']);
  });

  it('warns about each flagged dimension and each end of the scale never used', () => {
    expect(driftWarnings(drift, labels)).toEqual([
      'Positivt klima: du setter i snitt 1,3 under masterkoden i de siste 12 kodene.',
      'Språkstøtte: du setter i snitt 0,9 over masterkoden i de siste 10 kodene.',
      'Du har ikke brukt 1–2 én eneste gang, selv om masterkoden var 1–2 i 6 av kodene dine. Tør å bruke den lave enden av skalaen når det du leser, er lavt.',
    ]);
  });

  it('widens the bias axis beyond ±3 only when a bias does', () => {
    expect(biasAxisMax(biasRows(drift, labels))).toBe(3);
    expect(biasAxisMax([{ key: 'x', label: 'x', codes: 5, bias: -4.2, flagged: true }])).toBe(5);
  });
});

describe('dimension labels side by side', () => {
  it('tells apart the Toddler and Pre-K dimensions that share a Norwegian label, and leaves the rest', async () => {
    const { distinctDimensionLabels } = await import('../../src/lib/coding/dimension-labels');
    const labels = distinctDimensionLabels();
    expect(labels['facilitation-of-learning-and-development']).toBe('Tilrettelegge for læring og utvikling (småbarn)');
    expect(labels['instructional-learning-formats']).toBe('Tilrettelegge for læring og utvikling (storbarn)');
    expect(labels['positive-climate']).toBe('Positivt klima');
    expect(new Set(Object.values(labels)).size).toBe(Object.keys(labels).length);
  });
});
