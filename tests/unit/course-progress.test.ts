import { describe, expect, it } from 'vitest';
import { courseProgress, resumeTarget, type CourseInfo, type ProgressRow } from '../../src/lib/progress/course-progress';

const course: CourseInfo = {
  id: 'nyansatt',
  title: 'Nyansatt',
  lessons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase(), url: `/kurs/nyansatt/${id}/` })),
};
const row = (lesson: string, status: ProgressRow['status'], updated: string, location = ''): ProgressRow => ({ course: 'nyansatt', lesson, status, updated, location });

describe('progress through a course', () => {
  it('counts finished lessons, ignores other courses and lessons that no longer exist', () => {
    const rows = [row('a', 'completed', '1'), row('b', 'incomplete', '2'), row('gone', 'completed', '3'), { ...row('c', 'completed', '4'), course: 'other' }];
    expect(courseProgress(course, rows)).toEqual({ done: 1, total: 4, fraction: 0.25, next: course.lessons[1], completedAt: null });
  });

  it('is complete when every lesson is completed or passed, dated by the last one', () => {
    const rows = [row('a', 'completed', '2026-01-02'), row('b', 'passed', '2026-03-01'), row('c', 'completed', '2026-02-01'), row('d', 'completed', '2026-01-05')];
    const p = courseProgress(course, rows);
    expect(p.fraction).toBe(1);
    expect(p.next).toBeNull();
    expect(p.completedAt).toBe('2026-03-01');
  });

  it('resumes at the most recently touched unfinished lesson, at its saved place', () => {
    const rows = [row('a', 'incomplete', '2026-01-01'), row('c', 'incomplete', '2026-01-03', 'grunnelementene'), row('b', 'completed', '2026-01-04')];
    expect(resumeTarget([course], rows)?.url).toBe('/kurs/nyansatt/c/#grunnelementene');
    expect(resumeTarget([course], [row('a', 'completed', '1')])).toBeNull();
  });
});
