/// <reference path="../pb_data/types.d.ts" />
// The department's month (issue 12): departments, praksisfortellinger, the meeting, reminders and
// retention. The logic lives in lib/departments.js, lib/stories.js and lib/month-jobs.js.
onRecordCreateRequest((e) => require(`${__hooks}/lib/departments.js`).validateAvdeling(e), 'avdelinger');
onRecordUpdateRequest((e) => require(`${__hooks}/lib/departments.js`).validateAvdeling(e), 'avdelinger');
onRecordCreateRequest((e) => require(`${__hooks}/lib/departments.js`).validateMonth(e), 'avdeling_months');
onRecordUpdateRequest((e) => require(`${__hooks}/lib/departments.js`).validateMonth(e), 'avdeling_months');
onRecordCreateRequest((e) => require(`${__hooks}/lib/stories.js`).beforeCreate(e), 'praksisfortellinger');
onRecordUpdateRequest((e) => require(`${__hooks}/lib/stories.js`).beforeUpdate(e), 'praksisfortellinger');

routerAdd('GET', '/api/tettpa/avdelinger/{id}/months/{month}', (e) => require(`${__hooks}/lib/departments.js`).monthRoute(e));
routerAdd('PUT', '/api/tettpa/users/{id}/avdeling', (e) => require(`${__hooks}/lib/departments.js`).setMembership(e));
routerAdd('GET', '/api/tettpa/reports/avdelinger', (e) => require(`${__hooks}/lib/department-report.js`).report(e));
// The daily jobs for a given date, so that they can be run (and tested) without waiting for cron.
routerAdd('POST', '/api/tettpa/jobs/{job}', (e) => require(`${__hooks}/lib/month-jobs.js`).runJob(e), $apis.requireSuperuserAuth());

// Every morning (06:00 UTC): reminders for meetings three working days ahead, then retention.
cronAdd('tettpa-department-month', '0 6 * * *', () => {
  const jobs = require(`${__hooks}/lib/month-jobs.js`);
  const { osloDay } = require(`${__hooks}/lib/calendar.js`);
  const day = osloDay(Date.now());
  jobs.sendReminders($app, day);
  jobs.deleteExpiredStories($app, day);
});
