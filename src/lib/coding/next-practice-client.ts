/** Talks to the routes of issue 14 (pb_hooks/next-practice.pb.js); responses are checked by hand (shape.ts). */
import type { ServerApi } from '../pocketbase/server-api';
import { bool, fields, list, num, oneOf, text, type Fields } from '../shape';

const BANDS = ['low', 'middle', 'high'] as const;
type Band = (typeof BANDS)[number];

export interface NextPractice {
  vignette: string;
  title: string;
  dimension: string | null;
  band: Band | null;
  reason: string;
  starter: boolean;
}

export interface Drift {
  window: number;
  threshold: number;
  minCodes: number;
  codes: number;
  dimensions: Array<{ dimension: string; codes: number; bias: number; flagged: boolean }>;
  ends: Array<{ band: Band; min: number; max: number; master: number; own: number; flagged: boolean }>;
  distribution: Array<{ score: number; master: number; own: number }>;
}

const orNull = <T>(o: Fields, key: string, read: (o: Fields, key: string) => T): T | null => (o[key] === null ? null : read(o, key));

function readNext(value: unknown): NextPractice {
  const o = fields(value);
  return {
    vignette: text(o, 'vignette'),
    title: text(o, 'title'),
    dimension: orNull(o, 'dimension', text),
    band: orNull(o, 'band', (x, k) => oneOf(x, k, BANDS)),
    reason: text(o, 'reason'),
    starter: bool(o, 'starter'),
  };
}

function readDrift(value: unknown): Drift {
  const o = fields(value);
  return {
    window: num(o, 'window'),
    threshold: num(o, 'threshold'),
    minCodes: num(o, 'minCodes'),
    codes: num(o, 'codes'),
    dimensions: list(o, 'dimensions', (item) => {
      const d = fields(item);
      return { dimension: text(d, 'dimension'), codes: num(d, 'codes'), bias: num(d, 'bias'), flagged: bool(d, 'flagged') };
    }),
    ends: list(o, 'ends', (item) => {
      const e = fields(item);
      return { band: oneOf(e, 'band', BANDS), min: num(e, 'min'), max: num(e, 'max'), master: num(e, 'master'), own: num(e, 'own'), flagged: bool(e, 'flagged') };
    }),
    distribution: list(o, 'distribution', (item) => {
      const d = fields(item);
      return { score: num(d, 'score'), master: num(d, 'master'), own: num(d, 'own') };
    }),
  };
}

/** The practice vignette aimed at the learner's weak spot, or null when there is none. */
export async function nextPractice(pb: ServerApi): Promise<NextPractice | null> {
  try {
    return readNext(await pb.send('/api/tettpa/me/next', { method: 'GET' }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export async function myDrift(pb: ServerApi): Promise<Drift> {
  return readDrift(await pb.send('/api/tettpa/me/drift', { method: 'GET' }));
}

/** Where a vignette is practised on the site. */
export const practiceUrl = (slug: string) => `/koding/${encodeURIComponent(slug)}/`;
