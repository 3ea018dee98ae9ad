// Which course/lesson pairs a progress row may name: the catalogue's, and an imported package's.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

const { isKnownLesson } = createRequire(import.meta.url)('../../pb_hooks/lib/progress-rules.js');
const courses = [{ id: 'nyansatt', lessons: [{ id: 'hva-er-tett-pa' }, { id: 'roller-i-tett-pa' }] }];

describe('isKnownLesson', () => {
  it('accepts a lesson of its own course and nothing else', () => {
    expect(isKnownLesson(courses, 'nyansatt', 'hva-er-tett-pa')).toBe(true);
    expect(isKnownLesson(courses, 'nyansatt', 'positivt-klima')).toBe(false);
    expect(isKnownLesson(courses, 'ar-1-class', 'hva-er-tett-pa')).toBe(false);
    expect(isKnownLesson(courses, 'nyansatt', '')).toBe(false);
    expect(isKnownLesson([], 'nyansatt', 'hva-er-tett-pa')).toBe(false);
  });

  it('asks the packages for a course named pakke-<id>, and refuses it when there is no such package', () => {
    const packages = (id: string) => (id === 'abc' ? ['sco-1'] : null);
    expect(isKnownLesson(courses, 'pakke-abc', 'sco-1', packages)).toBe(true);
    expect(isKnownLesson(courses, 'pakke-abc', 'sco-2', packages)).toBe(false);
    expect(isKnownLesson(courses, 'pakke-xyz', 'sco-1', packages)).toBe(false);
    expect(isKnownLesson(courses, 'pakke-abc', 'sco-1')).toBe(false);
  });
});
