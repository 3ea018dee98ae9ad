/** Geometry of the calibration charts: plain numbers in, SVG coordinates out. */
import type { HistoryPoint } from './calibration-client';

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Bar {
  score: number;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  master: boolean;
  mine: boolean;
}

/** One bar per score 1–7, scaled to the tallest; the master code's and the viewer's own marked. */
export function distributionBars(distribution: number[], master: number | null, mine: number | null, box: Box): Bar[] {
  const most = Math.max(1, ...distribution);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const slot = plotWidth / distribution.length;
  return distribution.map((count, i) => {
    const height = (count / most) * plotHeight;
    return {
      score: i + 1,
      count,
      x: box.left + i * slot + slot * 0.15,
      y: box.top + plotHeight - height,
      width: slot * 0.7,
      height,
      master: master === i + 1,
      mine: mine === i + 1,
    };
  });
}

export type SeriesKey = 'withinOne' | 'exact' | 'weightedKappa';
export interface SeriesPoint {
  index: number;
  value: number;
  x: number;
  y: number;
}

/**
 * The agreement of each round as three series on one 0–1 axis (kappa can fall below 0: the axis
 * then starts lower). A round whose agreement is hidden (too few coded) breaks the lines.
 */
export function agreementSeries(history: HistoryPoint[], box: Box) {
  const kappas = history.map((h) => h.agreement?.weightedKappa).filter((v): v is number => typeof v === 'number');
  const floor = Math.min(0, ...kappas.map((k) => Math.floor(k * 2) / 2));
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (i: number) => box.left + (history.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (history.length - 1));
  const y = (v: number) => box.top + ((1 - v) / (1 - floor)) * plotHeight;
  const series = (key: SeriesKey): SeriesPoint[][] => {
    const runs: SeriesPoint[][] = [[]];
    history.forEach((h, index) => {
      const value = h.agreement?.[key];
      if (typeof value !== 'number') {
        if (runs[runs.length - 1]!.length > 0) runs.push([]);
        return;
      }
      runs[runs.length - 1]!.push({ index, value, x: x(index), y: y(value) });
    });
    return runs.filter((r) => r.length > 0);
  };
  const ticks = floor < 0 ? [floor, 0, 0.5, 1] : [0, 0.5, 1];
  return { x, y, ticks, withinOne: series('withinOne'), exact: series('exact'), weightedKappa: series('weightedKappa') };
}
