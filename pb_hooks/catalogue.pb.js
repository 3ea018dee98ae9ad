/// <reference path="../pb_data/types.d.ts" />
// The CLASS catalogue as the server knows it, for tools outside the site (public facts only).
routerAdd('GET', '/api/tettpa/catalogue', (e) => {
  const { data } = require(`${__hooks}/lib/catalogue.js`);
  return e.json(200, data);
});
