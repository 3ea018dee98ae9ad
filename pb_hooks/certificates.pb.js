/// <reference path="../pb_data/types.d.ts" />
// Kursbevis (see lib/certificates.js).
routerAdd('GET', '/api/tettpa/me/certificates/{course}', (e) => require(`${__hooks}/lib/certificates.js`).mine(e));
routerAdd('GET', '/api/tettpa/certificates/verify', (e) => require(`${__hooks}/lib/certificates.js`).verify(e));
