// What the export script needs to know to write each course's imsmanifest.xml: the courses and
// their lessons in the learners' order, with the file each lesson was built to.
import type { APIRoute } from 'astro';
import { allCourses, lessonsOf, lessonParts } from '../../lib/content/courses';

export const GET: APIRoute = async () => {
  const courses = [];
  for (const course of await allCourses()) {
    const lessons = await lessonsOf(course.id);
    courses.push({
      id: course.id,
      title: course.data.title,
      lessons: lessons.map((l) => ({ id: lessonParts(l).lesson, title: l.data.title, file: `${course.id}/${lessonParts(l).lesson}.html` })),
    });
  }
  return new Response(JSON.stringify({ courses }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
