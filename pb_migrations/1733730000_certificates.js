/// <reference path="../pb_data/types.d.ts" />
// Kursbevis: issued by the server only (the route in pb_hooks/certificates.pb.js checks the
// course's requirements), read by their owner; the public check goes through a route that
// answers with name, course and date and nothing else, so no API rule opens them to anyone else.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    // Guarded like every rule of ours (a visitor's empty auth id must never match anything).
    const own = '@request.auth.id != "" && (user = @request.auth.id)';
    const certificates = new Collection({
      type: 'base',
      name: 'certificates',
      listRule: own,
      viewRule: own,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'course', type: 'text', required: true, max: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        // 16 characters of a 32-letter alphabet: 80 bits, so guessing a code is pointless.
        { name: 'code', type: 'text', required: true, min: 16, max: 16, pattern: '^[A-HJ-NP-Z2-9]{16}$' },
        { name: 'issuedAt', type: 'date', required: true },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_certificates_code ON certificates (code)',
        'CREATE UNIQUE INDEX idx_certificates_user_course ON certificates (user, course)',
      ],
    });
    app.save(certificates);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('certificates'));
  },
);
