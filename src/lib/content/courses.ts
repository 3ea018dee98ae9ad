/** Reads courses and lessons from the content collections, sorted the way learners meet them. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type CourseEntry = CollectionEntry<'courses'>;
export type LessonEntry = CollectionEntry<'lessons'>;

/** A lesson's id is `<course>/<lesson>`; these are its two parts. */
export function lessonParts(lesson: LessonEntry): { course: string; lesson: string } {
  const [course = '', slug = ''] = lesson.id.split('/');
  return { course, lesson: slug };
}

/** Whether the lesson's MDX has a knowledge check (the kursbevis requires it passed). */
export function hasKnowledgeCheck(lesson: LessonEntry): boolean {
  return /<KnowledgeCheck\b/.test(lesson.body ?? '');
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

/** Courses with their lessons as plain data, for islands (Min side, course progress). */
export async function courseInfos(): Promise<Array<{ id: string; title: string; lessons: Array<{ id: string; title: string; url: string }> }>> {
  const infos = [];
  for (const course of await allCourses()) {
    const lessons = await lessonsOf(course.id);
    infos.push({ id: course.id, title: course.data.title, lessons: lessons.map((l) => ({ id: lessonParts(l).lesson, title: l.data.title, url: lessonUrl(l) })) });
  }
  return infos;
}
