/// <reference path="../pb_data/types.d.ts" />
// Kodepanel (issue 14, part 3): certified observers code vignettes blind to check the master codes.
// A panel's name and vignettes are no secret to those who may code or run it; the codes are:
// panel_codes is closed to every API user (and so to realtime). The routes in panels.pb.js write
// the codes and hand out aggregates only, and only once the panel is closed.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const vignettes = app.findCollectionByNameOrId('vignettes');
    const autodates = [
      { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    ];
    const runsOrCodes = '@request.auth.role = "admin" || @request.auth.certified_until > @now';

    const panels = new Collection({
      type: 'base',
      name: 'panels',
      listRule: runsOrCodes,
      viewRule: runsOrCodes,
      // Opened and closed through the routes, which check the vignettes and the caller.
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'name', type: 'text', required: true, min: 2, max: 120 },
        { name: 'vignettes', type: 'relation', required: true, collectionId: vignettes.id, maxSelect: 200, minSelect: 1, cascadeDelete: false },
        { name: 'status', type: 'select', required: true, maxSelect: 1, values: ['open', 'closed'] },
        { name: 'closedAt', type: 'date' },
        // The panel's anonymous result, fixed when it closes (a coder who later deletes their
        // account does not change a line learners have read). Hidden: only the routes hand it out.
        { name: 'result', type: 'json', maxSize: 2000000, hidden: true },
        ...autodates,
      ],
      indexes: ['CREATE INDEX idx_panels_status ON panels (status, created)'],
    });
    app.save(panels);

    const codes = new Collection({
      type: 'base',
      name: 'panel_codes',
      // Nobody reads a panel code through the API, not even its own coder: the panel is blind.
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'panel', type: 'relation', required: true, collectionId: panels.id, maxSelect: 1, cascadeDelete: true },
        { name: 'vignette', type: 'relation', required: true, collectionId: vignettes.id, maxSelect: 1, cascadeDelete: true },
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'scores', type: 'json', required: true, maxSize: 2000 },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_panel_codes_once ON panel_codes (panel, vignette, user)'],
    });
    app.save(codes);
  },
  (app) => {
    for (const name of ['panel_codes', 'panels']) app.delete(app.findCollectionByNameOrId(name));
  },
);
