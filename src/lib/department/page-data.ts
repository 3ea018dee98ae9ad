/**
 * What the department's pages need from the content, as plain data for their islands (built at
 * build time, so the browser gets no YAML parser and no catalogue): dimension labels per age
 * group, the årshjul by month and the writing support.
 */
import { dimensionOfMonth, monthPlan } from '../arshjul';
import type { AgeGroupKey } from '../class/catalogue';
import { dimensionLabels } from '../coding/dimension-labels';
import { writingPrompts } from './writing-prompts';
import type { MonthContent } from './month-content';

// The islands import the type and labelOf from month-content.ts: importing this module would bring
// the YAML parser, zod and the catalogue into the browser.
export { labelOf, type MonthContent } from './month-content';

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

