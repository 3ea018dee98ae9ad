/// <reference path="../pb_data/types.d.ts" />
// A phone types "Deltaker@…" with a capital letter, and HR's spreadsheet may too: an e-mail address
// is the same address whatever its case. PocketBase looks an address up case-insensitively when the
// unique index on `email` uses COLLATE NOCASE, and the same index then refuses two accounts whose
// addresses differ only in case.
function setEmailIndex(app, collate) {
  const users = app.findCollectionByNameOrId('users');
  users.indexes = users.indexes.map((sql) =>
    /\(\s*`?email`?(\s+COLLATE\s+NOCASE)?\s*\)/i.test(sql) ? sql.replace(/\(\s*`?email`?(\s+COLLATE\s+NOCASE)?\s*\)/i, collate ? '(`email` COLLATE NOCASE)' : '(`email`)') : sql,
  );
  app.save(users);
}

migrate(
  (app) => setEmailIndex(app, true),
  (app) => setEmailIndex(app, false),
);
