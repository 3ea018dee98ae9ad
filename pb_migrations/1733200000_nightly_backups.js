/// <reference path="../pb_data/types.d.ts" />
// Nightly backups with PocketBase's own scheduler, the last seven kept. PocketBase's cron runs in
// UTC: 01:30 UTC is 02:30 in Norway in winter and 03:30 in summer, when nobody is taking a course.
// Set once here: the competence team may change both in the admin UI (Settings → Backups), and a
// migration never runs again to undo that.
migrate(
  (app) => {
    const settings = app.settings();
    settings.backups.cron = '30 1 * * *';
    settings.backups.cronMaxKeep = 7;
    app.save(settings);
  },
  (app) => {
    const settings = app.settings();
    settings.backups.cron = '';
    app.save(settings);
  },
);
