/** How far a learner has come in each course, from their progress rows. Pure, so it is tested alone. */
import { isDone, type LessonStatus } from './progress-record';

export interface CourseInfo {
  id: string;
  title: string;
  lessons: Array<{ id: string; title: string; url: string }>;
}

export interface ProgressRow {
  course: string;
  lesson: string;
  status: LessonStatus;
  location?: string;
  updated?: string;
}

export interface CourseProgress {
  done: number;
  total: number;
  /** 0–1. */
  fraction: number;
  next: CourseInfo['lessons'][number] | null;
  /** When the last lesson was finished, once every lesson is. */
  completedAt: string | null;
}

export function courseProgress(course: CourseInfo, rows: ProgressRow[]): CourseProgress {
  const mine = rows.filter((r) => r.course === course.id);
  const finished = new Map(mine.filter((r) => isDone(r.status)).map((r) => [r.lesson, r]));
  const done = course.lessons.filter((l) => finished.has(l.id)).length;
  const total = course.lessons.length;
  const complete = total > 0 && done === total;
  const completedAt = complete
    ? course.lessons.map((l) => finished.get(l.id)?.updated ?? '').sort().at(-1) || null
    : null;
  return {
    done,
    total,
    fraction: total === 0 ? 0 : done / total,
    next: course.lessons.find((l) => !finished.has(l.id)) ?? null,
    completedAt,
  };
}

/** The lesson to go back to: the most recently touched one that is not finished. */
export function resumeTarget(courses: CourseInfo[], rows: ProgressRow[]) {
  const open = rows
    .filter((r) => !isDone(r.status))
    .sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''));
  for (const row of open) {
    const course = courses.find((c) => c.id === row.course);
    const lesson = course?.lessons.find((l) => l.id === row.lesson);
    if (course && lesson) return { course, lesson, url: row.location ? `${lesson.url}#${row.location}` : lesson.url };
  }
  return null;
}
