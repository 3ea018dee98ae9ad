/** Talks to the kodepanel routes (pb_hooks/panels.pb.js); responses are checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

const panelSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['open', 'closed']),
  created: z.string(),
  closedAt: z.string(),
  coders: z.number(),
  vignettes: z.array(z.object({ slug: z.string(), title: z.string(), ageGroup: z.string(), dimensions: z.array(z.string()), coded: z.boolean() })),
});
export type Panel = z.infer<typeof panelSchema>;

const panelListSchema = z.object({ admin: z.boolean(), certified: z.boolean(), panels: z.array(panelSchema) });
export type PanelList = z.infer<typeof panelListSchema>;

const agreementSchema = z.object({ codes: z.number(), withinOne: z.number(), exact: z.number(), bias: z.number() });
const reasonSchema = z.union([
  z.object({ kind: z.literal('withinOne'), withinOne: z.number() }),
  z.object({ kind: z.literal('majorityApart'), dimension: z.string(), coders: z.number() }),
]);
export type PanelReason = z.infer<typeof reasonSchema>;
const apartSchema = z.object({ dimension: z.string(), master: z.number(), code: z.number() });

const vignetteResultSchema = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  ageGroup: z.string(),
  coders: z.number(),
  shown: z.boolean(),
  withinOne: z.optional(z.number()),
  exact: z.optional(z.number()),
  weightedKappa: z.optional(z.nullable(z.number())),
  dimensions: z.optional(z.array(z.object({ dimension: z.string(), master: z.number(), justification: z.string(), codes: z.array(z.number()) }))),
  apart: z.optional(z.array(apartSchema)),
  reasons: z.optional(z.array(reasonSchema)),
});
export type VignetteResult = z.infer<typeof vignetteResultSchema>;

const resultSchema = z.object({
  id: z.string(),
  name: z.string(),
  closedAt: z.string(),
  coders: z.number(),
  minCoders: z.number(),
  threshold: z.number(),
  overall: z.object({ codes: z.number(), withinOne: z.number(), exact: z.number(), weightedKappa: z.nullable(z.number()), byDimension: z.record(z.string(), agreementSchema) }),
  vignettes: z.array(vignetteResultSchema),
});
export type PanelResult = z.infer<typeof resultSchema>;

export type { Validation } from './vignette-validation';

const disagreementsSchema = z.object({
  threshold: z.number(),
  vignettes: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      panel: z.object({ id: z.string(), name: z.string(), closedAt: z.string() }),
      coders: z.number(),
      withinOne: z.number(),
      reasons: z.array(reasonSchema),
      apart: z.array(apartSchema),
    }),
  ),
});
export type Disagreements = z.infer<typeof disagreementsSchema>;

/** The text of a vignette as the site builds it (public: /kodepanel/tekst/<slug>.json). */
const textSchema = z.object({ slug: z.string(), title: z.string(), html: z.string(), dimensions: z.array(z.object({ key: z.string(), label: z.string(), domain: z.string(), reverse: z.boolean() })) });
export type VignetteText = z.infer<typeof textSchema>;

const post = (pb: PocketBase, path: string, body?: unknown) =>
  pb.send(path, { method: 'POST', body: JSON.stringify(body ?? {}), headers: { 'Content-Type': 'application/json' } });

export async function listPanels(pb: PocketBase): Promise<PanelList> {
  return panelListSchema.parse(await pb.send('/api/tettpa/panels', { method: 'GET' }));
}

export async function openPanel(pb: PocketBase, name: string, vignettes: string[]): Promise<Panel> {
  return panelSchema.parse(await post(pb, '/api/tettpa/panels', { name, vignettes }));
}

export async function closePanel(pb: PocketBase, id: string): Promise<void> {
  await post(pb, `/api/tettpa/panels/${encodeURIComponent(id)}/close`);
}

export async function submitPanelCodes(pb: PocketBase, id: string, vignette: string, scores: Record<string, number>) {
  return z.object({ coded: z.number(), total: z.number() }).parse(await post(pb, `/api/tettpa/panels/${encodeURIComponent(id)}/codes`, { vignette, scores }));
}

export async function panelResult(pb: PocketBase, id: string): Promise<PanelResult> {
  return resultSchema.parse(await pb.send(`/api/tettpa/panels/${encodeURIComponent(id)}/result`, { method: 'GET' }));
}

export async function panelDisagreements(pb: PocketBase): Promise<Disagreements> {
  return disagreementsSchema.parse(await pb.send('/api/tettpa/panels/disagreements', { method: 'GET' }));
}

export { vignetteValidation } from './vignette-validation';

export async function vignetteText(slug: string): Promise<VignetteText> {
  const res = await fetch(`/kodepanel/tekst/${encodeURIComponent(slug)}.json`);
  if (!res.ok) throw new Error(`text ${res.status}`);
  return textSchema.parse(await res.json());
}
