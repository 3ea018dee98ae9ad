/**
 * The CLASS catalogue: the one source of truth for dimensions, domains, age groups and the
 * 1–7 scale. The data lives in catalogue.json so that PocketBase's hooks (CommonJS) read the
 * very same file; this module validates it once and gives the site typed access.
 */
import { z } from 'astro/zod';
import raw from './catalogue.json' with { type: 'json' };

const kebabKey = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'nøkkelen må være kebab-case');

const dimensionSchema = z.object({
  key: kebabKey,
  /** Teachstone's English name, used only as a reference label. */
  en: z.string().min(1),
  /** The label TETT PÅ uses in Norwegian. */
  nb: z.string().min(1),
  /** True where a lower score is the better one (Negative Climate). */
  reverse: z.boolean(),
});

const domainSchema = z.object({
  key: kebabKey,
  abbr: z.string().min(2),
  en: z.string().min(1),
  nb: z.string().min(1),
  dimensions: z.array(kebabKey).min(1),
});

const ageGroupSchema = z.object({
  key: z.enum(['toddler', 'pre-k']),
  en: z.string(),
  nb: z.string(),
  domains: z.array(domainSchema).min(1),
});

const bandSchema = z.object({
  key: z.enum(['low', 'middle', 'high']),
  nb: z.string(),
  min: z.number().int(),
  max: z.number().int(),
});

export const catalogueSchema = z
  .object({
    scale: z.object({ min: z.literal(1), max: z.literal(7), bands: z.array(bandSchema).length(3) }),
    /** The reliability check: how many cycles, and the share within one needed to pass (the server's default). */
    reliability: z.object({ cyclesPerCheck: z.number().int().min(1), passWithinOne: z.number().gt(0).max(1) }),
    dimensions: z.array(dimensionSchema).min(1),
    ageGroups: z.array(ageGroupSchema).length(2),
  })
  .superRefine((cat, ctx) => {
    const known = new Set(cat.dimensions.map((d) => d.key));
    if (known.size !== cat.dimensions.length) {
      ctx.addIssue({ code: 'custom', message: 'en dimensjonsnøkkel står to ganger' });
    }
    for (const group of cat.ageGroups) {
      const seen = new Set<string>();
      for (const domain of group.domains) {
        for (const key of domain.dimensions) {
          if (!known.has(key)) ctx.addIssue({ code: 'custom', message: `ukjent dimensjon ${key} i ${group.key}` });
          if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `${key} står i to domener i ${group.key}` });
          seen.add(key);
        }
      }
    }
  });

export type Catalogue = z.infer<typeof catalogueSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type AgeGroup = z.infer<typeof ageGroupSchema>;
export type AgeGroupKey = AgeGroup['key'];
export type Band = z.infer<typeof bandSchema>;

export const catalogue: Catalogue = catalogueSchema.parse(raw);

const dimensionsByKey = new Map(catalogue.dimensions.map((d) => [d.key, d]));

export function dimension(key: string): Dimension {
  const found = dimensionsByKey.get(key);
  if (!found) throw new Error(`Ukjent CLASS-dimensjon: ${key}`);
  return found;
}

export function ageGroup(key: AgeGroupKey): AgeGroup {
  const found = catalogue.ageGroups.find((g) => g.key === key);
  if (!found) throw new Error(`Ukjent aldersgruppe: ${key}`);
  return found;
}

/** The dimension keys of an age group, in the order the instrument lists them. */
export function dimensionsOf(group: AgeGroupKey): string[] {
  return ageGroup(group).domains.flatMap((d) => d.dimensions);
}

export function bandOf(score: number): Band {
  const band = catalogue.scale.bands.find((b) => score >= b.min && score <= b.max);
  if (!band || !Number.isInteger(score)) throw new Error(`Ugyldig kode: ${score} (må være et heltall 1–7)`);
  return band;
}

/** The score as it counts in a domain mean: Negative Climate counts as 8 − score. */
export function effectiveScore(key: string, score: number): number {
  return dimension(key).reverse ? catalogue.scale.max + 1 - score : score;
}

/** Mean per domain; domains are reported separately and never summed into one number. */
export function domainMeans(group: AgeGroupKey, scores: Record<string, number>): Record<string, number> {
  const means: Record<string, number> = {};
  for (const domain of ageGroup(group).domains) {
    const values = domain.dimensions.filter((k) => k in scores).map((k) => effectiveScore(k, scores[k]!));
    if (values.length > 0) means[domain.key] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return means;
}
