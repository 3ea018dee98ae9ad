/** Reads courses and lessons from the content collections, sorted the way learners meet them. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type CourseEntry = CollectionEntry<'courses'>;
export type LessonEntry = CollectionEntry<'lessons'>;

/** A lesson's id is `<course>/<lesson>`; these are its two parts. */
export function lessonParts(lesson: LessonEntry): { course: string; lesson: string } {
  const [course = '', slug = ''] = lesson.id.split('/');
  return { course, lesson: slug };
}

export function lessonUrl(lesson: LessonEntry): string {
  const { course, lesson: slug } = lessonParts(lesson);
  return `/kurs/${course}/${slug}/`;
}

export async function allCourses(): Promise<CourseEntry[]> {
  const courses = await getCollection('courses');
  return courses.sort((a, b) => a.data.order - b.data.order);
}

export async function lessonsOf(courseId: string): Promise<LessonEntry[]> {
  const lessons = await getCollection('lessons', (l) => lessonParts(l).course === courseId);
  return lessons.sort((a, b) => a.data.order - b.data.order);
}

/** Plain data about every lesson, for islands that show progress by name. */
export async function lessonIndex(): Promise<Array<{ course: string; courseTitle: string; lesson: string; title: string; url: string }>> {
  const index = [];
  for (const course of await allCourses()) {
    for (const lesson of await lessonsOf(course.id)) {
      index.push({ course: course.id, courseTitle: course.data.title, lesson: lessonParts(lesson).lesson, title: lesson.data.title, url: lessonUrl(lesson) });
    }
  }
  return index;
}
