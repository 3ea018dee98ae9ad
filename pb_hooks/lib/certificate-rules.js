// What a kursbevis requires, shared by the hooks (PocketBase's JS runtime, CommonJS) and the unit
// tests; the site shows the same rule from src/lib/certificate/requirements.ts (a unit test keeps
// the two in step). Every lesson completed, and every knowledge check answered with at least
// PASS_PERCENT right: SCORM's "passed" says both, so does "completed" with a score that high.
const PASS_PERCENT = 80;
const FINISHED = ['completed', 'passed'];

/**
 * Where one lesson stands: 'done', or what is missing: 'notStarted', 'notCompleted' (no knowledge
 * check in the lesson, not finished), 'quizMissing' (the check not answered), 'quizFailed'.
 * `row` is the learner's progress row ({status, score}) or null; `hasQuiz` whether the lesson has one.
 */
function lessonState(row, hasQuiz) {
  if (!row) return 'notStarted';
  const status = String(row.status || '');
  // A number field without a value reads as 0: a score of 0 counts only with the status "failed".
  const score = typeof row.score === 'number' && row.score > 0 ? row.score : null;
  if (!hasQuiz) return FINISHED.includes(status) ? 'done' : 'notCompleted';
  if (FINISHED.includes(status) && score !== null && score >= PASS_PERCENT) return 'done';
  if (status === 'failed' || (score !== null && score < PASS_PERCENT)) return 'quizFailed';
  return 'quizMissing';
}

/** The lessons of `course` (from the course index) that keep the certificate back, in course order. */
function missingLessons(course, rows) {
  const byLesson = {};
  for (const row of rows) byLesson[row.lesson] = row;
  const missing = [];
  for (const lesson of course.lessons) {
    const state = lessonState(byLesson[lesson.id] || null, lesson.quiz !== false);
    if (state !== 'done') missing.push({ lesson: lesson.id, title: lesson.title, state });
  }
  return missing;
}

/** The course's length in minutes: the sum of its lessons' `minutes`. */
function courseMinutes(course) {
  return course.lessons.reduce((sum, l) => sum + (Number(l.minutes) || 0), 0);
}

module.exports = { PASS_PERCENT, lessonState, missingLessons, courseMinutes };
