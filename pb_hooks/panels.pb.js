/// <reference path="../pb_data/types.d.ts" />
// Kodepanel: certified observers check the master codes by coding vignettes blind (see lib/panels.js).
routerAdd('GET', '/api/tettpa/panels', (e) => require(`${__hooks}/lib/panels.js`).list(e));
routerAdd('POST', '/api/tettpa/panels', (e) => require(`${__hooks}/lib/panels.js`).create(e));
routerAdd('GET', '/api/tettpa/panels/disagreements', (e) => require(`${__hooks}/lib/panels.js`).disagreements(e));
routerAdd('POST', '/api/tettpa/panels/{id}/codes', (e) => require(`${__hooks}/lib/panels.js`).submitCodes(e));
routerAdd('POST', '/api/tettpa/panels/{id}/close', (e) => require(`${__hooks}/lib/panels.js`).close(e));
routerAdd('GET', '/api/tettpa/panels/{id}/result', (e) => require(`${__hooks}/lib/panels.js`).result(e));
// Public on purpose: the vignette pages are static and show every visitor whether a panel checked
// the master codes. It answers with a count and two fractions, never a code.
routerAdd('GET', '/api/tettpa/vignettes/{slug}/validation', (e) => require(`${__hooks}/lib/panels.js`).validation(e));
