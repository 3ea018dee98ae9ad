/// <reference path="../pb_data/types.d.ts" />
// A kursleder may delete their account (privacy law) while they lead cohorts. The cohorts stay, with
// no leader, so that the participants keep their membership, the rounds and the results they coded;
// a superuser hands such a cohort to another kursleder in the admin UI. A required `leader` made
// PocketBase refuse the deletion (an English 500). Creating a cohort still needs a leader (the rule).
migrate(
  (app) => {
    const cohorts = app.findCollectionByNameOrId('cohorts');
    cohorts.fields.getByName('leader').required = false;
    app.save(cohorts);
  },
  (app) => {
    const cohorts = app.findCollectionByNameOrId('cohorts');
    cohorts.fields.getByName('leader').required = true;
    app.save(cohorts);
  },
);
