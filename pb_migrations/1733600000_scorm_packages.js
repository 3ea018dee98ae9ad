/// <reference path="../pb_data/types.d.ts" />
// SCORM 1.2 packages that Kompetanseteam barnehage uploads (other municipalities' courses, vendors'
// modules). Written only by the Go route POST /api/tettpa/scorm/packages after it has checked the
// package (server/scorm_import.go); read through GET /api/tettpa/scorm/packages. No API rules: the
// collection itself is closed to everyone but the superuser.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const packages = new Collection({
      type: 'base',
      name: 'scorm_packages',
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'title', type: 'text', required: true, max: 300 },
        // [{identifier, title, launch}] in the organisation's order.
        { name: 'scos', type: 'json', required: true, maxSize: 200000 },
        // The uploaded zip as it came; the route enforces the size limit (TETTPA_SCORM_MAX_MB).
        { name: 'archive', type: 'file', required: true, maxSelect: 1, maxSize: 4 * 1024 * 1024 * 1024, protected: true },
        { name: 'uploaded_by', type: 'relation', collectionId: users.id, maxSelect: 1, cascadeDelete: false },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
    });
    app.save(packages);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('scorm_packages'));
  },
);
