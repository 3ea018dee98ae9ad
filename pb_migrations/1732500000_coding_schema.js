/// <reference path="../pb_data/types.d.ts" />
// Coding practice: vignettes (public metadata), their master codes (closed to every API user),
// attempts and reliability checks. Only the hooks write attempts and checks, so a submission
// is immutable and its feedback cannot be forged.

migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const autodates = [
      { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    ];

    const vignettes = new Collection({
      type: 'base',
      name: 'vignettes',
      // What a vignette is coded on is public; its text is on the site, its codes are not here.
      listRule: '',
      viewRule: '',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'slug', type: 'text', required: true, max: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        { name: 'title', type: 'text', required: true, max: 200 },
        { name: 'ageGroup', type: 'select', required: true, maxSelect: 1, values: ['toddler', 'pre-k'] },
        { name: 'kind', type: 'select', required: true, maxSelect: 1, values: ['short', 'cycle'] },
        { name: 'dimensions', type: 'json', required: true, maxSize: 2000 },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_vignettes_slug ON vignettes (slug)'],
    });
    app.save(vignettes);

    const masterCodes = new Collection({
      type: 'base',
      name: 'master_codes',
      // Closed: superusers and the hooks only. A learner gets a master code from a route, after submitting.
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'vignette', type: 'relation', required: true, collectionId: vignettes.id, maxSelect: 1, cascadeDelete: true },
        { name: 'dimension', type: 'text', required: true, max: 80 },
        { name: 'score', type: 'number', required: true, min: 1, max: 7, onlyInt: true },
        { name: 'justification', type: 'text', required: true, max: 4000 },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_master_codes_vignette_dimension ON master_codes (vignette, dimension)'],
    });
    app.save(masterCodes);

    const checks = new Collection({
      type: 'base',
      name: 'reliability_checks',
      listRule: 'user = @request.auth.id',
      viewRule: 'user = @request.auth.id',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'ageGroup', type: 'select', required: true, maxSelect: 1, values: ['toddler', 'pre-k'] },
        // The five cycle slugs, in the order the learner codes them.
        { name: 'cycles', type: 'json', required: true, maxSize: 2000 },
        // Which cycles are in so far (slugs only), so a learner can resume on another device.
        { name: 'submitted', type: 'json', maxSize: 2000 },
        { name: 'complete', type: 'bool' },
        { name: 'passed', type: 'bool' },
        { name: 'threshold', type: 'number', min: 0, max: 1 },
        // Filled in only when the fifth cycle is submitted: before that there is nothing to leak.
        { name: 'result', type: 'json', maxSize: 20000 },
        { name: 'completedAt', type: 'date' },
        ...autodates,
      ],
      indexes: ['CREATE INDEX idx_checks_user ON reliability_checks (user, created)'],
    });
    app.save(checks);

    const attempts = new Collection({
      type: 'base',
      name: 'attempts',
      // A learner sees their own attempts; a check's cycles only once the check is complete,
      // since each attempt carries the master codes it was scored against.
      listRule: 'user = @request.auth.id && (reliability_check = "" || reliability_check.complete = true)',
      viewRule: 'user = @request.auth.id && (reliability_check = "" || reliability_check.complete = true)',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'vignette', type: 'relation', required: true, collectionId: vignettes.id, maxSelect: 1, cascadeDelete: false },
        { name: 'reliability_check', type: 'relation', collectionId: checks.id, maxSelect: 1, cascadeDelete: true },
        { name: 'scores', type: 'json', required: true, maxSize: 2000 },
        { name: 'results', type: 'json', required: true, maxSize: 40000 },
        { name: 'withinOne', type: 'number', min: 0, max: 1 },
        { name: 'exact', type: 'number', min: 0, max: 1 },
        ...autodates,
      ],
      indexes: [
        'CREATE INDEX idx_attempts_user ON attempts (user, created)',
        'CREATE UNIQUE INDEX idx_attempts_check_vignette ON attempts (reliability_check, vignette) WHERE reliability_check != ""',
      ],
    });
    app.save(attempts);
  },
  (app) => {
    for (const name of ['attempts', 'reliability_checks', 'master_codes', 'vignettes']) {
      app.delete(app.findCollectionByNameOrId(name));
    }
  },
);
