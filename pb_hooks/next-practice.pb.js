/// <reference path="../pb_data/types.d.ts" />
// Practice aimed at the observer's weak spot, and drift (issue 14; see lib/next-practice-route.js).
routerAdd('GET', '/api/tettpa/me/next', (e) => require(`${__hooks}/lib/next-practice-route.js`).next(e));
routerAdd('GET', '/api/tettpa/me/drift', (e) => require(`${__hooks}/lib/next-practice-route.js`).myDrift(e));
