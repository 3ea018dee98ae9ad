/**
 * The årshjul: which CLASS dimension each age group works on in each month. One data file
 * (`src/content/arshjul.yaml`), read by the lessons' <Arshjul> table and by the department's month.
 */
import { parse } from 'yaml';
import raw from '../content/arshjul.yaml?raw';
import { arshjulSchema, type Arshjul, type ArshjulMonth, type MonthFocus } from '../schemas/arshjul';
import type { AgeGroupKey } from './class/catalogue';

export type { Arshjul, ArshjulMonth, MonthFocus };

/** Validates an årshjul; the error names every problem, so a wrong edit stops the build. */
export function parseArshjul(text: string): Arshjul {
  const result = arshjulSchema.safeParse(parse(text));
  if (!result.success) {
    throw new Error(`src/content/arshjul.yaml: ${result.error.issues.map((i) => `${i.path.join('.') || 'årshjulet'}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

export const arshjul: Arshjul = parseArshjul(raw);

/** The plan of a calendar month (1–12); July has none. */
export function monthPlan(month: number, plan: Arshjul = arshjul): ArshjulMonth | undefined {
  return plan.months.find((m) => m.month === month);
}

/** The dimension an age group works on in a month, or null in a month of repetition, summary or holiday. */
export function dimensionOfMonth(group: AgeGroupKey, month: number, plan: Arshjul = arshjul): string | null {
  const focus = monthPlan(month, plan)?.[group];
  return focus && 'dimension' in focus ? focus.dimension : null;
}

/** The month's name in Norwegian, capitalised for a table («August»). */
export function monthName(month: number): string {
  const name = new Intl.DateTimeFormat('nb-NO', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
  return name.charAt(0).toUpperCase() + name.slice(1);
}
