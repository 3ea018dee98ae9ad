/** The leaders' summaries: how many have begun and finished, per course and per group of staff. */
import type { CompletionReport, StaffReport } from './report-client';

export interface Tally {
  /** What is counted: a course title, a stilling, a pulje or a kindergarten. */
  label: string;
  staff: number;
  /** Begun, finished or not: everyone who has opened at least one lesson. */
  started: number;
  finished: number;
}

const FINISHED = 'Fullført';
const NOT_STARTED = 'Ikke startet';

type Person = StaffReport['staff'][number];
const begun = (p: Person, course: string) => (p.courses[course]?.status ?? NOT_STARTED) !== NOT_STARTED;
const finished = (p: Person, course: string) => p.courses[course]?.status === FINISHED;

/** Per course: of the staff, how many have begun it and how many finished it. */
export function perCourse(report: StaffReport): Tally[] {
  return report.courses.map((c) => ({
    label: c.title,
    staff: report.staff.length,
    started: report.staff.filter((p) => begun(p, c.id)).length,
    finished: report.staff.filter((p) => finished(p, c.id)).length,
  }));
}

/**
 * Per group (the department where people have one, otherwise the stilling): how many have begun
 * at least one course, and how many have finished at least one.
 */
export function perGroup(report: StaffReport, groupOf: (person: Person) => string): Tally[] {
  const groups = new Map<string, Person[]>();
  for (const person of report.staff) {
    const key = groupOf(person);
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return [...groups.entries()].map(([label, people]) => ({
    label,
    staff: people.length,
    started: people.filter((p) => report.courses.some((c) => begun(p, c.id))).length,
    finished: people.filter((p) => report.courses.some((c) => finished(p, c.id))).length,
  }));
}

/** Everyone together: how many have begun at least one course, and finished at least one. */
export function overall(report: StaffReport): Tally {
  return perGroup(report, () => '')[0] ?? { label: '', staff: 0, started: 0, finished: 0 };
}

/** Whether the staff are in departments at all (the field arrives with the departments). */
export function hasDepartments(report: StaffReport): boolean {
  return report.staff.some((p) => (p.avdeling ?? '') !== '');
}

/** Admin: per course over everyone in the rows (puljer or kindergartens) given. */
export function completionPerCourse(report: CompletionReport): Tally[] {
  const staff = report.puljer.reduce((sum, p) => sum + p.staff, 0);
  return report.courses.map((c) => ({
    label: c.title,
    staff,
    started: report.puljer.reduce((sum, p) => sum + (p.started?.[c.id] ?? 0), 0),
    finished: report.puljer.reduce((sum, p) => sum + (p.completed[c.id] ?? 0), 0),
  }));
}
