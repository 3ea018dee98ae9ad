/**
 * What the department's pages need from the content, as plain data for their islands (built at
 * build time, so the browser gets no YAML parser and no catalogue): dimension labels per age
 * group, the årshjul by month and the writing support.
 */
import { dimensionOfMonth, monthPlan } from '../arshjul';
import type { AgeGroupKey } from '../class/catalogue';
import { dimensionLabels, type DimensionLabel } from '../coding/dimension-labels';
import type { PlanByMonth } from './month';
import { writingPrompts, type WritingPrompt } from './writing-prompts';

export interface MonthContent {
  dimensions: Record<AgeGroupKey, DimensionLabel[]>;
  plan: PlanByMonth;
  /** The årshjul's words for a month without a new dimension (repetition or a look back), per calendar month. */
  notes: Record<AgeGroupKey, (string | null)[]>;
  prompts: Record<string, WritingPrompt>;
}

const groups: AgeGroupKey[] = ['toddler', 'pre-k'];
const byGroup = <T,>(make: (g: AgeGroupKey) => T) => Object.fromEntries(groups.map((g) => [g, make(g)])) as Record<AgeGroupKey, T>;

export function monthContent(): MonthContent {
  return {
    dimensions: byGroup((g) => dimensionLabels(g)),
    plan: byGroup((g) => Array.from({ length: 13 }, (_, m) => (m === 0 ? null : dimensionOfMonth(g, m)))),
    notes: byGroup((g) =>
      Array.from({ length: 13 }, (_, m) => {
        const focus = m === 0 ? undefined : monthPlan(m)?.[g];
        if (!focus) return null;
        return 'repetition' in focus ? focus.repetition : 'summary' in focus ? focus.summary : null;
      }),
    ),
    prompts: writingPrompts,
  };
}

/** The Norwegian label of a dimension key, from the labels an island got. */
export function labelOf(content: Pick<MonthContent, 'dimensions'>, key: string | null): string {
  if (!key) return '';
  for (const g of groups) {
    const found = content.dimensions[g].find((d) => d.key === key);
    if (found) return found.label;
  }
  return key;
}
