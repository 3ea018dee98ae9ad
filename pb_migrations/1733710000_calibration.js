/// <reference path="../pb_data/types.d.ts" />
// Calibration in the styrer networks (issue 14, part 2). Kindergartens belong to a network led by
// styrere; a leader opens a calibration round on a practice cycle, the network's certified
// observers code it blind. The codes live in a collection nobody can read through the API (not
// the leader, not admin, not even the observer who sent them): the routes in
// pb_hooks/calibration.pb.js hand out aggregates only, after the round has closed.
const isAdmin = '@request.auth.role = "admin"';

migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const barnehager = app.findCollectionByNameOrId('barnehager');
    const vignettes = app.findCollectionByNameOrId('vignettes');
    const autodates = [
      { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    ];

    const nettverk = new Collection({
      type: 'base',
      name: 'nettverk',
      createRule: isAdmin,
      updateRule: isAdmin,
      deleteRule: isAdmin,
      fields: [
        { name: 'name', type: 'text', required: true, min: 2, max: 200 },
        // The styrere who lead the network (a hook keeps this to styrere and admins).
        { name: 'leaders', type: 'relation', required: false, collectionId: users.id, maxSelect: 50, cascadeDelete: false },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_nettverk_name ON nettverk (name)'],
    });
    app.save(nettverk);

    barnehager.fields.add(new RelationField({ name: 'nettverk', collectionId: nettverk.id, maxSelect: 1, cascadeDelete: false }));
    app.save(barnehager);

    // The network's leaders, admin and the staff of its kindergartens see its name and leaders.
    const seesNetwork = `${isAdmin} || leaders.id ?= @request.auth.id || (@request.auth.barnehage != "" && barnehager_via_nettverk.id ?= @request.auth.barnehage)`;
    nettverk.listRule = seesNetwork;
    nettverk.viewRule = seesNetwork;
    app.save(nettverk);

    const rounds = new Collection({
      type: 'base',
      name: 'calibration_rounds',
      // A round carries no codes: which cycle, until when, and how many have sent theirs.
      listRule:
        `${isAdmin} || nettverk.leaders.id ?= @request.auth.id` +
        ' || (@request.auth.certified_until > @now && @request.auth.barnehage != "" && nettverk.barnehager_via_nettverk.id ?= @request.auth.barnehage)',
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'nettverk', type: 'relation', required: true, collectionId: nettverk.id, maxSelect: 1, cascadeDelete: true },
        { name: 'vignette', type: 'relation', required: true, collectionId: vignettes.id, maxSelect: 1, cascadeDelete: false },
        { name: 'openedBy', type: 'relation', required: false, collectionId: users.id, maxSelect: 1, cascadeDelete: false },
        { name: 'closesAt', type: 'date', required: true },
        // Set when a leader closes the round early; a round is also closed once closesAt has passed.
        { name: 'closedAt', type: 'date' },
        { name: 'submitted', type: 'number', min: 0, onlyInt: true },
        ...autodates,
      ],
      indexes: ['CREATE INDEX idx_calibration_rounds_nettverk ON calibration_rounds (nettverk, created)'],
    });
    rounds.viewRule = rounds.listRule;
    app.save(rounds);

    const codes = new Collection({
      type: 'base',
      name: 'calibration_codes',
      // Closed to every API user, realtime included: only the hooks read these.
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'round', type: 'relation', required: true, collectionId: rounds.id, maxSelect: 1, cascadeDelete: true },
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'scores', type: 'json', required: true, maxSize: 2000 },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_calibration_codes ON calibration_codes (round, user)'],
    });
    app.save(codes);
  },
  (app) => {
    for (const name of ['calibration_codes', 'calibration_rounds']) app.delete(app.findCollectionByNameOrId(name));
    const barnehager = app.findCollectionByNameOrId('barnehager');
    barnehager.fields.removeByName('nettverk');
    app.save(barnehager);
    app.delete(app.findCollectionByNameOrId('nettverk'));
  },
);
