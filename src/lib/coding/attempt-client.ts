/**
 * A practice attempt on a vignette (POST /api/tettpa/attempts, pb_hooks/coding.pb.js) and the
 * feedback it answers with, checked by hand: the coding page needs neither zod nor the SDK for it.
 */
import type { ServerApi } from '../pocketbase/server-api';
import { bool, fields, list, num, text } from '../shape';

export interface DimensionResult {
  dimension: string;
  score: number;
  master: number;
  exact: boolean;
  withinOne: boolean;
  deviation: number;
  justification: string;
}

export interface AttemptFeedback {
  id: string;
  results: DimensionResult[];
  withinOne: number;
  exact: number;
}

export function readDimensionResult(value: unknown): DimensionResult {
  const o = fields(value);
  return {
    dimension: text(o, 'dimension'),
    score: num(o, 'score'),
    master: num(o, 'master'),
    exact: bool(o, 'exact'),
    withinOne: bool(o, 'withinOne'),
    deviation: num(o, 'deviation'),
    justification: text(o, 'justification'),
  };
}

export function readAttemptFeedback(value: unknown): AttemptFeedback {
  const o = fields(value);
  return { id: text(o, 'id'), results: list(o, 'results', readDimensionResult), withinOne: num(o, 'withinOne'), exact: num(o, 'exact') };
}

export async function submitAttempt(pb: ServerApi, vignette: string, scores: Record<string, number>): Promise<AttemptFeedback> {
  return readAttemptFeedback(await pb.send('/api/tettpa/attempts', { method: 'POST', body: JSON.stringify({ vignette, scores }), headers: { 'Content-Type': 'application/json' } }));
}
