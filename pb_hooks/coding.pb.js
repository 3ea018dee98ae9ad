/// <reference path="../pb_data/types.d.ts" />
// Routes of the coding practice (see the API contract in README and design). Each handler runs
// in its own runtime, so it requires the shared module itself.
routerAdd('POST', '/api/tettpa/attempts', (e) => require(`${__hooks}/lib/coding.js`).practice(e));
routerAdd('POST', '/api/tettpa/checks', (e) => require(`${__hooks}/lib/coding.js`).startCheck(e));
routerAdd('POST', '/api/tettpa/checks/{id}/cycles/{slug}', (e) => require(`${__hooks}/lib/coding.js`).submitCycle(e));
routerAdd('GET', '/api/tettpa/checks/{id}/cycles/{slug}', (e) => require(`${__hooks}/lib/coding.js`).cycleText(e));
routerAdd('GET', '/api/tettpa/checks/{id}', (e) => require(`${__hooks}/lib/coding.js`).getCheck(e));
routerAdd('GET', '/api/tettpa/me/stats', (e) => require(`${__hooks}/lib/coding.js`).myStats(e));
