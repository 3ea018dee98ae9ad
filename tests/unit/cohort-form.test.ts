import { describe, expect, it } from 'vitest';
import { cohortFormProblem, localToday } from '../../src/lib/cohorts/cohort-form';

const today = '2026-11-29';
const good = { name: 'Todagerskurs', day1: '2026-12-01', day2: '2026-12-08', place: 'Bekkestua', capacity: 25 };

describe('the cohort form', () => {
  it('accepts a cohort with two coming days in order and room for 1 to 25', () => {
    expect(cohortFormProblem(good, today)).toBeNull();
    expect(cohortFormProblem({ ...good, day1: today, day2: today, capacity: 1 }, today)).toBeNull();
    expect(cohortFormProblem({ ...good, capacity: '12' }, today)).toBeNull();
  });
  it('refuses day 2 before day 1, past dates and missing dates', () => {
    expect(cohortFormProblem({ ...good, day2: '2026-11-30' }, today)).toEqual({ field: 'day2', message: 'cohortForm.order' });
    expect(cohortFormProblem({ ...good, day1: '2026-11-28' }, today)).toEqual({ field: 'day1', message: 'cohortForm.day1Past' });
    expect(cohortFormProblem({ ...good, day1: '2026-11-20', day2: '2026-11-28' }, today)).toEqual({ field: 'day1', message: 'cohortForm.day1Past' });
    expect(cohortFormProblem({ ...good, day2: '' }, today)).toEqual({ field: 'day2', message: 'cohortForm.dates' });
  });
  it('refuses a room above 25, below 1, or not a whole number', () => {
    for (const capacity of [30, 26, 0, -1, 2.5, '', 'mange']) {
      expect(cohortFormProblem({ ...good, capacity }, today), String(capacity)).toEqual({ field: 'capacity', message: 'cohortForm.capacity' });
    }
  });
  it('refuses a name shorter than two characters', () => {
    expect(cohortFormProblem({ ...good, name: ' A ' }, today)).toEqual({ field: 'name', message: 'cohortForm.name' });
  });
  it('says today in the browser’s own calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
