/// <reference path="../pb_data/types.d.ts" />
// Model hooks (every save, the API's and the hooks' own, inside the same transaction): the row's
// kindergarten comes from its learner, and the person's totals for the course follow the row.
onRecordCreate((e) => {
  const totals = require(`${__hooks}/lib/progress-totals.js`);
  totals.stampBarnehage(e.app, e.record);
  e.next();
  totals.refreshTotals(e.app, e.record.getString('user'), e.record.getString('course'));
}, 'progress');

onRecordUpdate((e) => {
  const totals = require(`${__hooks}/lib/progress-totals.js`);
  totals.stampBarnehage(e.app, e.record);
  e.next();
  totals.refreshTotals(e.app, e.record.getString('user'), e.record.getString('course'));
}, 'progress');

onRecordDelete((e) => {
  e.next();
  require(`${__hooks}/lib/progress-totals.js`).refreshTotals(e.app, e.record.getString('user'), e.record.getString('course'));
}, 'progress');

onRecordUpdate((e) => {
  const before = e.record.original().getString('barnehage');
  e.next();
  const after = e.record.getString('barnehage');
  if (before !== after) require(`${__hooks}/lib/progress-totals.js`).moveBarnehage(e.app, e.record.id, after);
}, 'users');
