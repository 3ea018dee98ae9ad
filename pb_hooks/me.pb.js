/// <reference path="../pb_data/types.d.ts" />
// The learner's own data: export and account deletion (see lib/me.js).
routerAdd('GET', '/api/tettpa/me/export', (e) => require(`${__hooks}/lib/me.js`).exportMine(e));
routerAdd('POST', '/api/tettpa/me/delete', (e) => require(`${__hooks}/lib/me.js`).deleteMine(e));
