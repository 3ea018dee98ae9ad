/// <reference path="../pb_data/types.d.ts" />
// A commit to an existing row (the frequent request) is checked in Go: server/progress_commit.go.

// Progress is kept only for lessons that exist (the catalogue of the built site).
onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/progress-lessons.js`).refuseUnknownLesson(e.record);
  e.next();
}, 'progress');
