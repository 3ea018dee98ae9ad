/** The department's month as the site shows it: which month, its dimension, and whether the meeting has begun. */
import type { AgeGroupKey } from '../class/catalogue';

/** The årshjul as islands get it: per age group, the dimension of each calendar month (index 1–12) or null. */
export type PlanByMonth = Record<AgeGroupKey, (string | null)[]>;

export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' of a date in Norwegian time. */
export function monthOf(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' }).format(date).slice(0, 7);
}

/** «november 2026» */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The barnehage year (August to June) that a month belongs to, as its months. */
export function schoolYear(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const start = `${m! >= 8 ? y : y! - 1}-08`;
  return Array.from({ length: 11 }, (_, i) => addMonths(start, i));
}

/** The leader's choice for the month, else the årshjul's dimension for the age group, else null. */
export function dimensionFor(plan: PlanByMonth, ageGroup: AgeGroupKey, month: string, chosen: string | null | undefined): string | null {
  return chosen || plan[ageGroup][Number(month.slice(5, 7))] || null;
}

/** A PocketBase date ('2026-12-03 11:00:00.000Z') as a Date, or null. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function meetingStarted(meetingDate: string | null | undefined, now = new Date()): boolean {
  const d = parseDate(meetingDate);
  return d !== null && d.getTime() <= now.getTime();
}

/** For <input type="datetime-local">: the local wall-clock time of a date. */
export function toLocalInput(value: string | null | undefined): string {
  const d = parseDate(value);
  if (!d) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
