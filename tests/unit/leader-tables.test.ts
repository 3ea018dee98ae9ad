import { describe, expect, it } from 'vitest';
import { ariaSortOf, matchesSearch, nextSort, sortRows } from '../../src/lib/tables/sort';
import { completionPerCourse, hasDepartments, overall, perCourse, perGroup } from '../../src/lib/reports/summary';
import { afterLoginPath, landingPathFor } from '../../src/lib/auth/next-path';
import type { CompletionReport, StaffReport } from '../../src/lib/reports/report-client';

describe('sorting the leaders’ tables', () => {
  it('sorts names in Norwegian order, with æ, ø and å last', () => {
    expect(sortRows(['Åse', 'Øyvind', 'Ærlig', 'Bjørn', 'anne'], (s) => s, 'ascending')).toEqual(['anne', 'Bjørn', 'Ærlig', 'Øyvind', 'Åse']);
  });
  it('sorts numbers as numbers and turns around on a second click', () => {
    expect(sortRows([{ n: 10 }, { n: 9 }, { n: 100 }], (r) => r.n, 'ascending').map((r) => r.n)).toEqual([9, 10, 100]);
    const first = nextSort(null, 'n');
    expect(first).toEqual({ column: 'n', direction: 'ascending' });
    expect(nextSort(first, 'n')).toEqual({ column: 'n', direction: 'descending' });
    expect(nextSort(nextSort(first, 'n'), 'name')).toEqual({ column: 'name', direction: 'ascending' });
  });
  it('gives aria-sort only to the sorted column', () => {
    expect(ariaSortOf({ column: 'n', direction: 'descending' }, 'n')).toBe('descending');
    expect(ariaSortOf({ column: 'n', direction: 'descending' }, 'name')).toBe('none');
    expect(ariaSortOf(null, 'n')).toBe('none');
  });
  it('finds every word of a search regardless of case', () => {
    expect(matchesSearch('Åse Assistent', 'åse')).toBe(true);
    expect(matchesSearch('Åse Assistent', ' assistent  ÅSE ')).toBe(true);
    expect(matchesSearch('Åse Assistent', 'åse pedagog')).toBe(false);
    expect(matchesSearch('Åse Assistent', '')).toBe(true);
  });
});

const person = (id: string, stilling: string, nyansatt: string, avdeling?: string) => ({
  id,
  name: id,
  stilling,
  barnehage: 'B',
  ...(avdeling === undefined ? {} : { avdeling }),
  courses: { nyansatt: { done: 0, last: '', status: nyansatt }, 'ar-1-class': { done: 0, last: '', status: 'Ikke startet' } },
});
const report = (staff: ReturnType<typeof person>[]): StaffReport => ({
  courses: [
    { id: 'nyansatt', title: 'Nyansatt', lessons: 7 },
    { id: 'ar-1-class', title: 'År 1', lessons: 5 },
  ],
  staff,
});

describe('the leaders’ summary', () => {
  const staff = report([person('a', 'assistent', 'Fullført'), person('b', 'assistent', 'Påbegynt'), person('c', 'pedagog', 'Ikke startet')]);
  it('counts begun (finished included) and finished per course', () => {
    expect(perCourse(staff)).toEqual([
      { label: 'Nyansatt', staff: 3, started: 2, finished: 1 },
      { label: 'År 1', staff: 3, started: 0, finished: 0 },
    ]);
    expect(overall(staff)).toMatchObject({ staff: 3, started: 2, finished: 1 });
  });
  it('counts per group, and knows whether there are departments', () => {
    expect(perGroup(staff, (p) => p.stilling)).toEqual([
      { label: 'assistent', staff: 2, started: 2, finished: 1 },
      { label: 'pedagog', staff: 1, started: 0, finished: 0 },
    ]);
    expect(hasDepartments(staff)).toBe(false);
    expect(hasDepartments(report([person('a', 'assistent', 'Fullført', 'Blåklokka')]))).toBe(true);
  });
  it('adds up the puljer per course for admin', () => {
    const completion: CompletionReport = {
      courses: [{ id: 'nyansatt', title: 'Nyansatt', lessons: 7 }],
      barnehager: [],
      puljer: [
        { pulje: 1, barnehager: 2, staff: 10, completed: { nyansatt: 3 }, started: { nyansatt: 5 } },
        { pulje: 2, barnehager: 1, staff: 4, completed: {}, started: { nyansatt: 1 } },
      ],
    };
    expect(completionPerCourse(completion)).toEqual([{ label: 'Nyansatt', staff: 14, started: 6, finished: 3 }]);
  });
});

describe('where people land after logging in', () => {
  it('sends a styrer to /leder/ and admin to /admin/, everyone else to Min side', () => {
    expect(landingPathFor('styrer')).toBe('/leder/');
    expect(landingPathFor('admin')).toBe('/admin/');
    expect(landingPathFor('deltaker')).toBe('/min-side/');
    expect(landingPathFor(undefined)).toBe('/min-side/');
  });
  it('lets an explicit ?neste= win, but never a link off the site', () => {
    expect(afterLoginPath('/kurs/', 'styrer')).toBe('/kurs/');
    expect(afterLoginPath(null, 'styrer')).toBe('/leder/');
    expect(afterLoginPath('//example.com/', 'admin')).toBe('/admin/');
  });
});
