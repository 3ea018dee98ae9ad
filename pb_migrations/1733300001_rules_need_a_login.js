/// <reference path="../pb_data/types.d.ts" />
// The collections that hold people and their learning are for logged-in users only. A visitor who
// is not logged in has the auth id "", and PocketBase compares "" as also matching NULL: a rule
// such as `cohort_members_via_user.cohort.leader ?= @request.auth.id` then matched every user
// without a cohort, and `cohort_members_via_cohort.user ?= @request.auth.id` every cohort without
// members. Every rule of these collections now starts by asking for a login.
const COLLECTIONS = ['users', 'progress', 'reflections', 'attempts', 'reliability_checks', 'cohorts', 'cohort_members', 'cohort_rounds', 'round_codes'];
const RULES = ['listRule', 'viewRule', 'updateRule', 'deleteRule'];
const LOGGED_IN = '@request.auth.id != "" && ';

migrate(
  (app) => {
    for (const name of COLLECTIONS) {
      const collection = app.findCollectionByNameOrId(name);
      for (const rule of RULES) {
        // null (superusers only) stays closed; "" (anyone) is not used on these collections.
        // (A rule reaches JS as a Go *string: compare it as text, not by typeof.)
        if (collection[rule] === null || collection[rule] === undefined) continue;
        const value = String(collection[rule]);
        if (value !== '' && !value.startsWith(LOGGED_IN)) collection[rule] = `${LOGGED_IN}(${value})`;
      }
      app.save(collection);
    }
  },
  (app) => {
    for (const name of COLLECTIONS) {
      const collection = app.findCollectionByNameOrId(name);
      for (const rule of RULES) {
        if (collection[rule] === null || collection[rule] === undefined) continue;
        const value = String(collection[rule]);
        if (value.startsWith(LOGGED_IN)) collection[rule] = value.slice(LOGGED_IN.length).replace(/^\((.*)\)$/s, '$1');
      }
      app.save(collection);
    }
  },
);
