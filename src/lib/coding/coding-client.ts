/** Talks to the coding routes of the server (pb_hooks/coding.pb.js); responses are checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type { ServerApi } from '../pocketbase/server-api';

const resultSchema = z.object({
  dimension: z.string(),
  score: z.number(),
  master: z.number(),
  exact: z.boolean(),
  withinOne: z.boolean(),
  deviation: z.number(),
  justification: z.string(),
});
// The attempt and its feedback live in attempt-client.ts (the coding page loads only that).
export { submitAttempt, type AttemptFeedback, type DimensionResult } from './attempt-client';

const agreementSchema = z.object({ withinOne: z.number(), exact: z.number(), bias: z.number(), codes: z.optional(z.number()) });
export type Agreement = z.infer<typeof agreementSchema>;

const checkStartSchema = z.object({ id: z.string(), cycles: z.array(z.string()), threshold: z.number() });
const cycleSubmitSchema = z.object({ submitted: z.number(), total: z.number(), complete: z.boolean() });
const checkResultSchema = z.object({
  id: z.string(),
  ageGroup: z.string(),
  passed: z.boolean(),
  threshold: z.number(),
  withinOne: z.number(),
  exact: z.number(),
  byDimension: z.record(z.string(), agreementSchema),
  practiseNext: z.array(z.string()),
  cycles: z.array(z.object({ slug: z.string(), title: z.string(), withinOne: z.number(), exact: z.number(), results: z.array(resultSchema) })),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

const statsSchema = z.object({
  attempts: z.number(),
  codes: z.number(),
  withinOne: z.number(),
  exact: z.number(),
  weightedKappa: z.nullable(z.number()),
  byDimension: z.record(z.string(), agreementSchema),
});
export type CodingStats = z.infer<typeof statsSchema>;

const post = (pb: ServerApi, path: string, body: unknown) => pb.send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

export async function startCheck(pb: ServerApi, ageGroup: string) {
  return checkStartSchema.parse(await post(pb, '/api/tettpa/checks', { ageGroup }));
}

export async function submitCycle(pb: ServerApi, checkId: string, slug: string, scores: Record<string, number>) {
  return cycleSubmitSchema.parse(await post(pb, `/api/tettpa/checks/${encodeURIComponent(checkId)}/cycles/${encodeURIComponent(slug)}`, { scores }));
}

const cycleTextSchema = z.object({ slug: z.string(), title: z.string(), paragraphs: z.array(z.string()) });
export type CycleText = z.infer<typeof cycleTextSchema>;

/** The text of one cycle of the learner's open check: check-pool texts are not in the built site. */
export async function getCycleText(pb: ServerApi, checkId: string, slug: string): Promise<CycleText> {
  return cycleTextSchema.parse(await pb.send(`/api/tettpa/checks/${encodeURIComponent(checkId)}/cycles/${encodeURIComponent(slug)}`, { method: 'GET' }));
}

export async function getCheckResult(pb: ServerApi, checkId: string): Promise<CheckResult> {
  return checkResultSchema.parse(await pb.send(`/api/tettpa/checks/${encodeURIComponent(checkId)}`, { method: 'GET' }));
}

export async function myStats(pb: ServerApi): Promise<CodingStats> {
  return statsSchema.parse(await pb.send('/api/tettpa/me/stats', { method: 'GET' }));
}

const attemptRowSchema = z.object({
  id: z.string(),
  created: z.string(),
  withinOne: z.number(),
  exact: z.number(),
  reliability_check: z.string(),
  expand: z.optional(z.object({ vignette: z.optional(z.object({ slug: z.string(), title: z.string(), kind: z.string() })) })),
});
export type AttemptRow = z.infer<typeof attemptRowSchema>;

/** The learner's own attempts, oldest first (the rules hide those of unfinished checks). */
export async function myAttempts(pb: ServerApi, userId: string): Promise<AttemptRow[]> {
  const rows = await pb.collection('attempts').getFullList({ filter: pb.filter('user = {:u}', { u: userId }), sort: 'created', expand: 'vignette', fields: 'id,created,withinOne,exact,reliability_check,expand.vignette.slug,expand.vignette.title,expand.vignette.kind' });
  return rows.map((r) => attemptRowSchema.parse(r));
}

// Min side reads the learner's checks without zod: check-rows.ts.
export { myChecks, type CheckRow } from './check-rows';
