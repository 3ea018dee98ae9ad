/// <reference path="../pb_data/types.d.ts" />
// A finished lesson stays finished: a later visit (or a stale commit from another device that
// arrives late) must never turn "completed" back into "incomplete".
onRecordUpdateRequest((e) => {
  const { keepFinishedStatus } = require(`${__hooks}/lib/progress-rules.js`);
  // A row belongs to one lesson for good: moved away, a completed lesson could be started over.
  require(`${__hooks}/lib/progress-lessons.js`).refuseMove(e.record);
  e.record.set('status', keepFinishedStatus(e.record.original().getString('status'), e.record.getString('status')));
  e.next();
}, 'progress');

// Progress is kept only for lessons that exist (the catalogue of the built site).
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/progress-lessons.js`).refuseUnknownLesson(e.record);
  e.next();
}, 'progress');
