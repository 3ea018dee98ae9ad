/** Talks to the routes of issue 14 (pb_hooks/next-practice.pb.js); responses are checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

const bandSchema = z.enum(['low', 'middle', 'high']);

const nextSchema = z.object({
  vignette: z.string(),
  title: z.string(),
  dimension: z.nullable(z.string()),
  band: z.nullable(bandSchema),
  reason: z.string(),
  starter: z.boolean(),
});
export type NextPractice = z.infer<typeof nextSchema>;

const driftSchema = z.object({
  window: z.number(),
  threshold: z.number(),
  minCodes: z.number(),
  codes: z.number(),
  dimensions: z.array(z.object({ dimension: z.string(), codes: z.number(), bias: z.number(), flagged: z.boolean() })),
  ends: z.array(z.object({ band: bandSchema, min: z.number(), max: z.number(), master: z.number(), own: z.number(), flagged: z.boolean() })),
  distribution: z.array(z.object({ score: z.number(), master: z.number(), own: z.number() })),
});
export type Drift = z.infer<typeof driftSchema>;

/** The practice vignette aimed at the learner's weak spot, or null when there is none. */
export async function nextPractice(pb: PocketBase): Promise<NextPractice | null> {
  try {
    return nextSchema.parse(await pb.send('/api/tettpa/me/next', { method: 'GET' }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export async function myDrift(pb: PocketBase): Promise<Drift> {
  return driftSchema.parse(await pb.send('/api/tettpa/me/drift', { method: 'GET' }));
}

/** Where a vignette is practised on the site. */
export const practiceUrl = (slug: string) => `/koding/${encodeURIComponent(slug)}/`;
