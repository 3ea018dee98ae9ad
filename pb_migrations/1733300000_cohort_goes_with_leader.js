/// <reference path="../pb_data/types.d.ts" />
// A kursleder may delete their account (privacy law) while they lead cohorts. Their cohorts go with
// them, with the memberships, the rounds and the codes given in those rounds: a cohort is the
// leader's course room and nobody else can run it. The participants' own learning (progress,
// reflections, coding practice and checks) belongs to them, not to the cohort, and stays.
// Keeping the cohort without a leader was tried and refused: every rule written as
// `leader = @request.auth.id` would then match a visitor who is not logged in (auth id "").
// Before this, the required `leader` made PocketBase refuse the deletion with an English 500.
migrate(
  (app) => {
    const cohorts = app.findCollectionByNameOrId('cohorts');
    cohorts.fields.getByName('leader').cascadeDelete = true;
    app.save(cohorts);
  },
  (app) => {
    const cohorts = app.findCollectionByNameOrId('cohorts');
    cohorts.fields.getByName('leader').cascadeDelete = false;
    app.save(cohorts);
  },
);
