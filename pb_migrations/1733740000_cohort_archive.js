/// <reference path="../pb_data/types.d.ts" />
// A finished cohort can be archived: it leaves the leader's list of active cohorts and takes no
// new participants, but it and its rounds are kept (the course leader may want to look back).
migrate(
  (app) => {
    const cohorts = app.findCollectionByNameOrId('cohorts');
    cohorts.fields.add(new BoolField({ name: 'archived' }));
    app.save(cohorts);
  },
  (app) => {
    const cohorts = app.findCollectionByNameOrId('cohorts');
    cohorts.fields.removeByName('archived');
    app.save(cohorts);
  },
);
