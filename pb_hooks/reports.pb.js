/// <reference path="../pb_data/types.d.ts" />
// Reports for leaders (see lib/reports.js for who sees what).
routerAdd('GET', '/api/tettpa/reports/progress.csv', (e) => require(`${__hooks}/lib/reports.js`).progressCsv(e));
routerAdd('GET', '/api/tettpa/reports/staff', (e) => require(`${__hooks}/lib/reports.js`).staffJson(e));
routerAdd('GET', '/api/tettpa/reports/completion', (e) => require(`${__hooks}/lib/reports.js`).completion(e));
