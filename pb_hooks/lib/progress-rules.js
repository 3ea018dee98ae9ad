// Shared by the hooks (PocketBase's JS runtime, CommonJS) and the unit tests.
const STATUSES = ['not attempted', 'incomplete', 'completed', 'passed', 'failed', 'browsed'];
const FINISHED = ['completed', 'passed'];

/**
 * The status to store when `next` arrives for a lesson that had `previous`. An unknown value is
 * passed through untouched so that validation refuses it, rather than it being quietly replaced.
 */
function keepFinishedStatus(previous, next) {
  if (FINISHED.includes(previous) && STATUSES.includes(next) && !FINISHED.includes(next)) return previous;
  // "passed" says more than "completed" (the knowledge check too): a stale commit must not undo it.
  if (previous === 'passed' && next === 'completed') return previous;
  return next;
}

module.exports = { keepFinishedStatus, STATUSES, FINISHED };
