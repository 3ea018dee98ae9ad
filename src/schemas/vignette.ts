import { z } from 'astro/zod';
import { ageGroupKeySchema, dimensionKeySchema } from './shared.ts';
import { dimensionsOf } from '../lib/class/catalogue.ts';

/**
 * Public frontmatter of a vignette: `src/content/vignettes/<slug>.md`. The text and what it is
 * coded on are public; master codes live beside it in `<slug>.master.yaml`, which the site never
 * loads (only the seed script reads them, into PocketBase).
 */
export const vignetteSchema = z
  .object({
    /** A short title for lists. */
    title: z.string({ error: 'title mangler' }).min(3),
    /** toddler or pre-k: decides which dimensions can be coded. */
    ageGroup: ageGroupKeySchema,
    /** short: 1–3 dimensions; cycle: a full observation cycle coded on every dimension. */
    kind: z.enum(['short', 'cycle'], { error: 'kind må være short eller cycle' }),
    /** The dimensions it is coded on. */
    dimensions: z.array(dimensionKeySchema).min(1, 'dimensions trenger minst én dimensjon'),
    /** Cycles only: practice (open for øving) or check (drawn only in reliability checks, never shown in practice). */
    pool: z.enum(['practice', 'check'], { error: 'pool må være practice eller check' }).optional(),
    /** Slugs this vignette had before, so that renaming keeps the learners' history. */
    formerSlugs: z.array(z.string().regex(/^[a-z0-9-]+$/, 'formerSlugs: bare små bokstaver, tall og bindestrek')).default([]),
  })
  .superRefine((v, ctx) => {
    const allowed = dimensionsOf(v.ageGroup);
    for (const key of v.dimensions) {
      if (!allowed.includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `${key} hører ikke til aldersgruppen ${v.ageGroup}` });
      }
    }
    if (v.kind === 'short' && v.dimensions.length > 3) {
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: 'en kort vignett kodes på 1–3 dimensjoner' });
    }
    if (v.kind === 'cycle' && v.pool === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pool'], message: 'en syklus må si om den er i øvingspuljen (practice) eller sjekkpuljen (check)' });
    }
    if (v.kind === 'short' && v.pool !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['pool'], message: 'bare sykluser har pool' });
    }
    if (v.kind === 'cycle' && v.dimensions.length !== allowed.length) {
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `en syklus kodes på alle ${allowed.length} dimensjonene i ${v.ageGroup}` });
    }
  });

/** Master codes of one vignette: `src/content/vignettes/<slug>.master.yaml`. Never rendered. */
export const masterCodesSchema = z.object({
  codes: z
    .array(
      z.object({
        dimension: dimensionKeySchema,
        /** The master code, an integer 1–7. */
        score: z.number().int('score må være et heltall').min(1, 'score må være 1–7').max(7, 'score må være 1–7'),
        /** Why: names the behaviours in the text and why not the neighbouring band. */
        justification: z.string().min(80, 'justification er for kort: vis til konkrete handlinger i teksten'),
      }),
    )
    .min(1),
});

export type Vignette = z.infer<typeof vignetteSchema>;
export type MasterCodes = z.infer<typeof masterCodesSchema>;
