/// <reference path="../pb_data/types.d.ts" />
// Cohorts and live coding rounds (see lib/cohorts.js).
onRecordCreateRequest((e) => {
  const cohorts = require(`${__hooks}/lib/cohorts.js`);
  // The join code is the server's to choose; dates and the room's size are checked (at most 25).
  require(`${__hooks}/lib/cohort-rules.js`).checkCohortRequest(e, true);
  e.record.set('code', cohorts.newJoinCode(e.app));
  e.next();
}, 'cohorts');

onRecordUpdateRequest((e) => {
  // The code stays what it was: participants already have it on a slide.
  e.record.set('code', e.record.original().getString('code'));
  require(`${__hooks}/lib/cohort-rules.js`).checkCohortRequest(e, false);
  e.next();
}, 'cohorts');

routerAdd('POST', '/api/tettpa/cohorts/join', (e) => require(`${__hooks}/lib/cohorts.js`).join(e));
routerAdd('POST', '/api/tettpa/cohorts/{id}/rounds', (e) => require(`${__hooks}/lib/cohorts.js`).openRound(e));
routerAdd('POST', '/api/tettpa/rounds/{id}/codes', (e) => require(`${__hooks}/lib/cohorts.js`).submitCodes(e));
routerAdd('POST', '/api/tettpa/rounds/{id}/reveal', (e) => require(`${__hooks}/lib/cohorts.js`).reveal(e));
routerAdd('GET', '/api/tettpa/rounds/{id}/result', (e) => require(`${__hooks}/lib/cohorts.js`).result(e));
