/** What the history page says about drift (GET /api/tettpa/me/drift): the rows, the flags, the words. */
import { t } from '../../i18n/t';
import { formatDecimal } from './format';
import type { Drift } from './next-practice-client';

export interface BiasRow {
  key: string;
  label: string;
  codes: number;
  bias: number;
  flagged: boolean;
}

const limit = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
/** The drift limit as written: 0,75. */
export const formatLimit = (value: number) => limit.format(value);

/** A signed deviation the way the charts print it: +0,8, −1,2, 0,0. */
export function formatSigned(value: number): string {
  // Rounded the way the sentences round it (Intl, half away from zero), so chart and text agree.
  const magnitude = formatDecimal(Math.abs(value));
  if (magnitude === formatDecimal(0)) return magnitude;
  return `${value > 0 ? '+' : '−'}${magnitude}`;
}

/** Dimensions in catalogue order (the order of `labels`), flagged ones kept in place. */
export function biasRows(drift: Drift, labels: Record<string, string>): BiasRow[] {
  const order = Object.keys(labels);
  return drift.dimensions
    .map((d) => ({ key: d.dimension, label: labels[d.dimension] ?? d.dimension, codes: d.codes, bias: d.bias, flagged: d.flagged }))
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

/** The sentences that warn about drift: one per flagged dimension, one per end never used. */
export function driftWarnings(drift: Drift, labels: Record<string, string>): string[] {
  const warnings = biasRows(drift, labels)
    .filter((r) => r.flagged)
    .map((r) => t(r.bias > 0 ? 'drift.flagAbove' : 'drift.flagBelow', { dimension: r.label, value: formatDecimal(Math.abs(r.bias)), codes: r.codes }));
  for (const end of drift.ends) {
    if (end.flagged) warnings.push(t(end.band === 'low' ? 'drift.endLow' : 'drift.endHigh', { count: end.master }));
  }
  return warnings;
}

/** The half-width of the bias axis: at least ±3, wider when a bias goes beyond. */
export const biasAxisMax = (rows: BiasRow[]) => Math.max(3, ...rows.map((r) => Math.ceil(Math.abs(r.bias))));
