/**
 * What the department's islands get from page-data.ts (built at build time) and how they read it.
 * Kept apart from page-data.ts so that the browser never loads what builds the data.
 */
import type { AgeGroupKey } from '../class/catalogue';
import type { DimensionLabel } from '../coding/dimension-labels';
import type { PlanByMonth } from './month';
import type { WritingPrompt } from './writing-prompts';

export interface MonthContent {
  dimensions: Record<AgeGroupKey, DimensionLabel[]>;
  plan: PlanByMonth;
  /** The årshjul's words for a month without a new dimension (repetition or a look back), per calendar month. */
  notes: Record<AgeGroupKey, (string | null)[]>;
  prompts: Record<string, WritingPrompt>;
}

const groups: AgeGroupKey[] = ['toddler', 'pre-k'];

/** The Norwegian label of a dimension key, from the labels an island got. */
export function labelOf(content: Pick<MonthContent, 'dimensions'>, key: string | null): string {
  if (!key) return '';
  for (const g of groups) {
    const found = content.dimensions[g].find((d) => d.key === key);
    if (found) return found.label;
  }
  return key;
}
