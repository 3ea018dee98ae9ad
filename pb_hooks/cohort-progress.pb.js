/// <reference path="../pb_data/types.d.ts" />
// The course leader's view of their cohort's progress in the assistant course (the leader's room).
routerAdd('GET', '/api/tettpa/cohorts/{id}/progress', (e) => require(`${__hooks}/lib/cohort-progress.js`).cohortProgress(e));
