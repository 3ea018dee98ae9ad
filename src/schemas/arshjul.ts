import { z } from 'astro/zod';
import { dimensionsOf } from '../lib/class/catalogue.ts';
import { dimensionKeySchema } from './shared.ts';

/** The barnehage year runs from August to June; July is the summer holiday. */
export const yearMonths = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6] as const;

/** What one age group does in one month: a new dimension, a repetition or a look back. */
const monthFocusSchema = z.union([
  z.strictObject({ dimension: dimensionKeySchema }),
  z.strictObject({ repetition: z.string().min(5, 'repetition: skriv hva dere tar opp igjen') }),
  z.strictObject({ summary: z.string().min(5, 'summary: skriv hva dere ser tilbake på') }),
], { error: 'hver aldersgruppe trenger enten dimension, repetition eller summary' });

const monthSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  'pre-k': monthFocusSchema,
  toddler: monthFocusSchema,
  /** Fixed points of the year, as the platform suggests them (observation, fagdag). */
  events: z.array(z.string().min(3)).default([]),
});

/** `src/content/arshjul.yaml`: one plan for every lesson and for the department's month. */
export const arshjulSchema = z
  .strictObject({ months: z.array(monthSchema) })
  .superRefine((plan, ctx) => {
    const months = plan.months.map((m) => m.month);
    if (months.join() !== yearMonths.join()) {
      ctx.addIssue({ code: 'custom', message: `månedene må være august til juni i rekkefølge (${yearMonths.join(', ')}), ikke ${months.join(', ')}` });
    }
    for (const group of ['pre-k', 'toddler'] as const) {
      const planned = plan.months.flatMap((m) => ('dimension' in m[group] ? [m[group].dimension] : []));
      const wanted = dimensionsOf(group);
      for (const key of wanted) {
        const times = planned.filter((k) => k === key).length;
        if (times !== 1) ctx.addIssue({ code: 'custom', message: `${group}: ${key} står ${times} ganger i årshjulet (skal stå én gang)` });
      }
      for (const key of planned) {
        if (!wanted.includes(key)) ctx.addIssue({ code: 'custom', message: `${group}: ${key} hører ikke til denne aldersgruppen` });
      }
    }
  });

export type Arshjul = z.infer<typeof arshjulSchema>;
export type ArshjulMonth = Arshjul['months'][number];
export type MonthFocus = ArshjulMonth['toddler'];
