// Shared by the hooks (PocketBase's JS runtime, CommonJS) and the unit tests.
/**
 * Whether `course`/`lesson` names a lesson of the catalogue. `courses` is the list the built site
 * publishes (dist/kurs/index.json, made from src/content/courses: the one source of truth).
 * Courses named `pakke-<id>` are imported SCORM packages, not in that list: `packageLessons`, when
 * given, answers for them (the lessons of that package, or null when there is no such package).
 */
function isKnownLesson(courses, course, lesson, packageLessons) {
  if (typeof course !== 'string' || typeof lesson !== 'string') return false;
  if (course.startsWith('pakke-')) {
    const lessons = packageLessons ? packageLessons(course.slice('pakke-'.length)) : null;
    return Array.isArray(lessons) && lessons.includes(lesson);
  }
  const found = courses.find((c) => c.id === course);
  return !!found && found.lessons.some((l) => l.id === lesson);
}

module.exports = { isKnownLesson };
