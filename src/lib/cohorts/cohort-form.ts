/**
 * The cohort form's own check, before anything is sent: the same rules and words as the server's
 * (pb_hooks/lib/cohort-rules.js), which decides in the end.
 */
import type { StringKey } from '../../i18n/nb';

export const MAX_CAPACITY = 25;

export interface CohortForm {
  name: string;
  day1: string;
  day2: string;
  place: string;
  capacity: number | string;
}

export type CohortField = 'name' | 'day1' | 'day2' | 'capacity';
export interface CohortProblem {
  field: CohortField;
  message: StringKey;
}

/** Today as YYYY-MM-DD in the browser's own time zone (what a date field shows). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first problem with the form, or null. Dates are YYYY-MM-DD as a date field gives them. */
export function cohortFormProblem(form: CohortForm, today: string): CohortProblem | null {
  if (form.name.trim().length < 2) return { field: 'name', message: 'cohortForm.name' };
  if (!form.day1) return { field: 'day1', message: 'cohortForm.dates' };
  if (!form.day2) return { field: 'day2', message: 'cohortForm.dates' };
  if (form.day1 < today) return { field: 'day1', message: 'cohortForm.day1Past' };
  if (form.day2 < today) return { field: 'day2', message: 'cohortForm.day2Past' };
  if (form.day2 < form.day1) return { field: 'day2', message: 'cohortForm.order' };
  const capacity = typeof form.capacity === 'number' ? form.capacity : Number(String(form.capacity).trim() || NaN);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) return { field: 'capacity', message: 'cohortForm.capacity' };
  return null;
}
