// Shared by the hooks (PocketBase's JS runtime, CommonJS) and the unit tests.
const FINISHED = ['completed', 'passed'];

/** The status to store when `next` arrives for a lesson that had `previous`. */
function keepFinishedStatus(previous, next) {
  if (FINISHED.includes(previous) && !FINISHED.includes(next)) return previous;
  return next;
}

module.exports = { keepFinishedStatus, FINISHED };
