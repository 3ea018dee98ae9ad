// The calibration charts' geometry: bars scale to the tallest and carry the marks; the agreement
// lines break where a round had too few participants, and the axis drops below 0 for a negative kappa.
import { describe, expect, it } from 'vitest';
import { agreementSeries, distributionBars } from '../../src/lib/calibration/charts';

const box = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
const agreement = (withinOne: number, exact: number, weightedKappa: number | null) => ({ codes: 10, withinOne, exact, weightedKappa });
const round = (id: string, a: ReturnType<typeof agreement> | null) => ({ id, title: id, closedAt: '2026-11-01 10:00:00.000Z', participants: a ? 4 : 2, agreement: a });

describe('distribution bars', () => {
  it('one bar per score, the tallest filling the plot, the master code and the viewer’s own marked', () => {
    const bars = distributionBars([0, 0, 1, 4, 2, 0, 0], 4, 5, box);
    expect(bars).toHaveLength(7);
    expect(bars[3]!.height).toBe(100);
    expect(bars[2]!.height).toBe(25);
    expect(bars[0]!.height).toBe(0);
    expect(bars.filter((b) => b.master).map((b) => b.score)).toEqual([4]);
    expect(bars.filter((b) => b.mine).map((b) => b.score)).toEqual([5]);
  });
});

describe('agreement lines', () => {
  it('break at a round whose agreement is hidden', () => {
    const chart = agreementSeries([round('a', agreement(0.8, 0.4, 0.6)), round('b', null), round('c', agreement(0.9, 0.5, 0.7))], box);
    expect(chart.withinOne.map((run) => run.map((p) => p.index))).toEqual([[0], [2]]);
    expect(chart.ticks).toEqual([0, 0.5, 1]);
    expect(chart.y(1)).toBe(0);
    expect(chart.y(0)).toBe(100);
  });

  it('start the axis below zero when a kappa is negative', () => {
    const chart = agreementSeries([round('a', agreement(0.5, 0.1, -0.2))], box);
    expect(chart.ticks[0]).toBe(-0.5);
    expect(chart.weightedKappa[0]![0]!.y).toBeGreaterThan(chart.y(0));
  });
});
