/// <reference path="../pb_data/types.d.ts" />
// Classroom mode for the two-day course: cohorts (at most 25), their members, live coding rounds
// and the participants' codes. Rounds are opened and revealed through routes that check the
// leader; the codes of a round are each participant's own until the reveal, and never anyone else's.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const vignettes = app.findCollectionByNameOrId('vignettes');
    const autodates = [
      { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    ];

    const cohorts = new Collection({
      type: 'base',
      name: 'cohorts',
      createRule: '(@request.auth.role = "kursleder" || @request.auth.role = "admin") && @request.body.leader = @request.auth.id',
      updateRule: 'leader = @request.auth.id && (@request.body.leader:isset = false || @request.body.leader = @request.auth.id)',
      deleteRule: 'leader = @request.auth.id',
      fields: [
        { name: 'leader', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: false },
        { name: 'name', type: 'text', required: true, min: 2, max: 120 },
        // Set by a hook, never by the client: short, unambiguous, unique.
        { name: 'code', type: 'text', max: 12 },
        { name: 'day1', type: 'date' },
        { name: 'day2', type: 'date' },
        { name: 'place', type: 'text', max: 200 },
        { name: 'capacity', type: 'number', min: 1, max: 25, onlyInt: true },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_cohorts_code ON cohorts (code) WHERE code != ""'],
    });
    app.save(cohorts);

    const members = new Collection({
      type: 'base',
      name: 'cohort_members',
      listRule: 'user = @request.auth.id || cohort.leader = @request.auth.id',
      viewRule: 'user = @request.auth.id || cohort.leader = @request.auth.id',
      // Joining goes through POST /api/tettpa/cohorts/join, which enforces the capacity.
      createRule: null,
      updateRule: null,
      // The leader removes a participant; a participant may leave.
      deleteRule: 'user = @request.auth.id || cohort.leader = @request.auth.id',
      fields: [
        { name: 'cohort', type: 'relation', required: true, collectionId: cohorts.id, maxSelect: 1, cascadeDelete: true },
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_cohort_members ON cohort_members (cohort, user)'],
    });
    app.save(members);

    // Cohorts: the leader, admin and the cohort's own members see it; nobody else.
    const seesCohort = 'leader = @request.auth.id || @request.auth.role = "admin" || cohort_members_via_cohort.user ?= @request.auth.id';
    cohorts.listRule = seesCohort;
    cohorts.viewRule = seesCohort;
    app.save(cohorts);

    const rounds = new Collection({
      type: 'base',
      name: 'cohort_rounds',
      listRule: 'cohort.leader = @request.auth.id || cohort.cohort_members_via_cohort.user ?= @request.auth.id',
      viewRule: 'cohort.leader = @request.auth.id || cohort.cohort_members_via_cohort.user ?= @request.auth.id',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'cohort', type: 'relation', required: true, collectionId: cohorts.id, maxSelect: 1, cascadeDelete: true },
        { name: 'vignette', type: 'relation', required: true, collectionId: vignettes.id, maxSelect: 1, cascadeDelete: false },
        { name: 'status', type: 'select', required: true, maxSelect: 1, values: ['open', 'revealed', 'closed'] },
        // How many have submitted: counted by the hook, watched live by the leader's screen.
        { name: 'submitted', type: 'number', min: 0, onlyInt: true },
        { name: 'revealedAt', type: 'date' },
        ...autodates,
      ],
      indexes: ['CREATE INDEX idx_cohort_rounds_cohort ON cohort_rounds (cohort, created)'],
    });
    app.save(rounds);

    const codes = new Collection({
      type: 'base',
      name: 'round_codes',
      listRule: 'user = @request.auth.id',
      viewRule: 'user = @request.auth.id',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'round', type: 'relation', required: true, collectionId: rounds.id, maxSelect: 1, cascadeDelete: true },
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'scores', type: 'json', required: true, maxSize: 2000 },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_round_codes ON round_codes (round, user)'],
    });
    app.save(codes);

    // A kursleder follows the participants of their own cohorts through the assistant course.
    const inMyCohort = 'cohort_members_via_user.cohort.leader ?= @request.auth.id';
    const progress = app.findCollectionByNameOrId('progress');
    const leaderReads = ` || (course = "assistentkurs" && user.${inMyCohort})`;
    progress.listRule += leaderReads;
    progress.viewRule += leaderReads;
    app.save(progress);
    users.listRule += ` || ${inMyCohort}`;
    users.viewRule += ` || ${inMyCohort}`;
    app.save(users);
  },
  (app) => {
    const progress = app.findCollectionByNameOrId('progress');
    const users = app.findCollectionByNameOrId('users');
    const cut = (rule) => rule.replace(/ \|\| \(course = "assistentkurs".*$/, '').replace(/ \|\| cohort_members_via_user.*$/, '');
    progress.listRule = cut(progress.listRule);
    progress.viewRule = cut(progress.viewRule);
    app.save(progress);
    users.listRule = cut(users.listRule);
    users.viewRule = cut(users.viewRule);
    app.save(users);
    for (const name of ['round_codes', 'cohort_rounds', 'cohort_members', 'cohorts']) app.delete(app.findCollectionByNameOrId(name));
  },
);
