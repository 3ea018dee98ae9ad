// The course catalogue as data (public): the server's reports and the leaders' views use it to
// name courses and lessons and to know how many lessons make a course complete.
import type { APIRoute } from 'astro';
import { allCourses, hasKnowledgeCheck, lessonsOf, lessonParts } from '../../lib/content/courses';

export const GET: APIRoute = async () => {
  const courses = [];
  for (const course of await allCourses()) {
    const lessons = await lessonsOf(course.id);
    courses.push({
      id: course.id,
      title: course.data.title,
      // `quiz`: whether the lesson has a knowledge check, which the kursbevis requires passed.
      lessons: lessons.map((l) => ({ id: lessonParts(l).lesson, title: l.data.title, minutes: l.data.minutes, quiz: hasKnowledgeCheck(l) })),
    });
  }
  return new Response(JSON.stringify({ courses }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
