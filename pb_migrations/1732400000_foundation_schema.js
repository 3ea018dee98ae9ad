/// <reference path="../pb_data/types.d.ts" />
// The foundation: kindergartens, roles on users, and lesson progress, with the access rules of
// the design. Rules are the only gate: the site holds no secrets and is trusted with nothing.

const isAdmin = '@request.auth.role = "admin"';
const styrerOfBarnehage = (field) =>
  `(@request.auth.role = "styrer" && @request.auth.barnehage != "" && ${field} = @request.auth.barnehage)`;

migrate(
  (app) => {
    const settings = app.settings();
    settings.meta.appName = 'Tett på læring';
    app.save(settings);

    const barnehager = new Collection({
      type: 'base',
      name: 'barnehager',
      // Kindergarten names and pools are public facts; only the competence team edits them.
      listRule: '',
      viewRule: '',
      createRule: isAdmin,
      updateRule: isAdmin,
      deleteRule: isAdmin,
      fields: [
        { name: 'name', type: 'text', required: true, min: 2, max: 200 },
        { name: 'pulje', type: 'number', required: true, min: 1, max: 6, onlyInt: true },
        { name: 'eierform', type: 'select', required: true, maxSelect: 1, values: ['kommunal', 'privat'] },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_barnehager_name ON barnehager (name)'],
    });
    app.save(barnehager);

    const users = app.findCollectionByNameOrId('users');
    users.fields.add(new SelectField({ name: 'role', required: true, maxSelect: 1, values: ['deltaker', 'kursleder', 'styrer', 'admin'] }));
    users.fields.add(new RelationField({ name: 'barnehage', collectionId: barnehager.id, maxSelect: 1, cascadeDelete: false }));
    users.fields.add(
      new SelectField({ name: 'stilling', maxSelect: 1, values: ['styrer', 'pedagogisk-leder', 'pedagog', 'fagarbeider', 'assistent', 'annet'] }),
    );
    users.fields.add(new DateField({ name: 'certified_until' }));
    users.listRule = `id = @request.auth.id || ${isAdmin} || ${styrerOfBarnehage('barnehage')}`;
    users.viewRule = users.listRule;
    // Accounts are made by the competence team (or the seed), never by self-registration.
    users.createRule = isAdmin;
    // A user edits their own name and profile, but not their role, kindergarten or certification.
    users.updateRule =
      `${isAdmin} || (id = @request.auth.id` +
      ' && (@request.body.role:isset = false || @request.body.role = role)' +
      ' && (@request.body.barnehage:isset = false || @request.body.barnehage = barnehage)' +
      ' && (@request.body.certified_until:isset = false || @request.body.certified_until = certified_until))';
    users.deleteRule = isAdmin;
    app.save(users);

    const progress = new Collection({
      type: 'base',
      name: 'progress',
      listRule: `user = @request.auth.id || ${isAdmin} || ${styrerOfBarnehage('user.barnehage')}`,
      viewRule: `user = @request.auth.id || ${isAdmin} || ${styrerOfBarnehage('user.barnehage')}`,
      createRule: '@request.auth.id != "" && @request.auth.collectionName = "users" && @request.body.user = @request.auth.id',
      updateRule: 'user = @request.auth.id && (@request.body.user:isset = false || @request.body.user = @request.auth.id)',
      deleteRule: null,
      fields: [
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'course', type: 'text', required: true, max: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        { name: 'lesson', type: 'text', required: true, max: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        {
          name: 'status',
          type: 'select',
          required: true,
          maxSelect: 1,
          values: ['not attempted', 'incomplete', 'completed', 'passed', 'failed', 'browsed'],
        },
        { name: 'score', type: 'number', min: 0, max: 100 },
        { name: 'location', type: 'text', max: 1000 },
        // SCORM 1.2 allows 4,096 characters of suspend data.
        { name: 'suspend_data', type: 'text', max: 4096 },
        { name: 'time_seconds', type: 'number', min: 0, onlyInt: true },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_progress_user_course_lesson ON progress (user, course, lesson)',
        'CREATE INDEX idx_progress_course ON progress (course)',
      ],
    });
    app.save(progress);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('progress'));
    const users = app.findCollectionByNameOrId('users');
    for (const name of ['role', 'barnehage', 'stilling', 'certified_until']) users.fields.removeByName(name);
    app.save(users);
    app.delete(app.findCollectionByNameOrId('barnehager'));
  },
);
