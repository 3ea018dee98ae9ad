/// <reference path="../pb_data/types.d.ts" />
// A finished lesson stays finished: a later visit (or a stale commit from another device that
// arrives late) must never turn "completed" back into "incomplete".
onRecordUpdateRequest((e) => {
  const { keepFinishedStatus } = require(`${__hooks}/lib/progress-rules.js`);
  e.record.set('status', keepFinishedStatus(e.record.original().getString('status'), e.record.getString('status')));
  e.next();
}, 'progress');
