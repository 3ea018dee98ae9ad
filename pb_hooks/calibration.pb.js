/// <reference path="../pb_data/types.d.ts" />
// Calibration rounds in the styrer networks (see lib/calibration.js).
routerAdd('GET', '/api/tettpa/calibration', (e) => require(`${__hooks}/lib/calibration.js`).overview(e));
routerAdd('POST', '/api/tettpa/calibration/rounds', (e) => require(`${__hooks}/lib/calibration.js`).openRound(e));
routerAdd('GET', '/api/tettpa/calibration/rounds/{id}', (e) => require(`${__hooks}/lib/calibration.js`).getRound(e));
routerAdd('POST', '/api/tettpa/calibration/rounds/{id}/codes', (e) => require(`${__hooks}/lib/calibration.js`).submitCodes(e));
routerAdd('POST', '/api/tettpa/calibration/rounds/{id}/close', (e) => require(`${__hooks}/lib/calibration.js`).closeRound(e));
routerAdd('GET', '/api/tettpa/calibration/rounds/{id}/result', (e) => require(`${__hooks}/lib/calibration.js`).result(e));

onRecordCreateRequest((e) => {
  require(`${__hooks}/lib/calibration.js`).checkLeaders(e.app, e.record);
  e.next();
}, 'nettverk');

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/calibration.js`).checkLeaders(e.app, e.record);
  e.next();
}, 'nettverk');
