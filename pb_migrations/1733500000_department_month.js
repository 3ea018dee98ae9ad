/// <reference path="../pb_data/types.d.ts" />
// The department's month: departments (avdelinger) with their pedagogical leaders, who belongs
// where (users.avdeling), the month of a department (dimension chosen by the leader, meeting date,
// what was agreed) and the praksisfortellinger handed in before the meeting.
//
// A praksisfortelling is read by its author and the department's leaders, by nobody else: not a
// colleague, not the styrer, not admin. Writes go through hooks (avdelinger.pb.js) that answer bad
// input with a Norwegian reason; PocketBase checks a create rule before any hook runs and answers
// a failed one in English only, so the create rules here are the outer fence and the hooks decide.

const isAdmin = '@request.auth.role = "admin"';
const isUser = '@request.auth.id != "" && @request.auth.collectionName = "users"';
const styrerOf = (field) => `(@request.auth.role = "styrer" && @request.auth.barnehage != "" && ${field} = @request.auth.barnehage)`;
const autodates = [
  { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
  { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
];

migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const barnehager = app.findCollectionByNameOrId('barnehager');

    const avdelinger = new Collection({
      type: 'base',
      name: 'avdelinger',
      // Members see their own department (its name and age group on Min side).
      listRule: `${isAdmin} || ${styrerOf('barnehage')} || leaders.id ?= @request.auth.id || id = @request.auth.avdeling`,
      viewRule: `${isAdmin} || ${styrerOf('barnehage')} || leaders.id ?= @request.auth.id || id = @request.auth.avdeling`,
      createRule: `${isAdmin} || (${styrerOf('@request.body.barnehage')})`,
      updateRule: `${isAdmin} || (${styrerOf('barnehage')} && (@request.body.barnehage:isset = false || @request.body.barnehage = barnehage))`,
      deleteRule: `${isAdmin} || ${styrerOf('barnehage')}`,
      fields: [
        { name: 'barnehage', type: 'relation', required: true, collectionId: barnehager.id, maxSelect: 1, cascadeDelete: true },
        { name: 'name', type: 'text', required: true, min: 2, max: 80 },
        { name: 'ageGroup', type: 'select', required: true, maxSelect: 1, values: ['toddler', 'pre-k'] },
        { name: 'leaders', type: 'relation', collectionId: users.id, maxSelect: 5, cascadeDelete: false },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_avdelinger_barnehage_name ON avdelinger (barnehage, name)'],
    });
    app.save(avdelinger);

    users.fields.add(new RelationField({ name: 'avdeling', collectionId: avdelinger.id, maxSelect: 1, cascadeDelete: false }));
    // Who belongs where is the styrer's to set (route PUT /api/tettpa/users/{id}/avdeling), not the user's.
    users.updateRule = users.updateRule.replace(
      ' && (@request.body.certified_until:isset = false',
      ' && (@request.body.avdeling:isset = false || @request.body.avdeling = avdeling) && (@request.body.certified_until:isset = false',
    );
    // Colleagues of a department see each other by name (the story form knows a colleague's name is
    // not a child's), and its leaders see its members (the run sheet says whose turn it is).
    const leadsMyDepartment =
      ' || (avdeling != "" && avdeling = @request.auth.avdeling) || (avdeling != "" && avdeling.leaders.id ?= @request.auth.id)';
    users.listRule += leadsMyDepartment;
    users.viewRule += leadsMyDepartment;
    app.save(users);

    const leaderOf = 'avdeling.leaders.id ?= @request.auth.id';
    const months = new Collection({
      type: 'base',
      name: 'avdeling_months',
      listRule: `${leaderOf} || avdeling = @request.auth.avdeling || ${isAdmin} || ${styrerOf('avdeling.barnehage')}`,
      viewRule: `${leaderOf} || avdeling = @request.auth.avdeling || ${isAdmin} || ${styrerOf('avdeling.barnehage')}`,
      createRule: isUser,
      updateRule: `${leaderOf} || ${isAdmin}`,
      deleteRule: null,
      fields: [
        { name: 'avdeling', type: 'relation', required: true, collectionId: avdelinger.id, maxSelect: 1, cascadeDelete: true },
        { name: 'month', type: 'text', required: true, pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
        // Empty: the årshjul's dimension for the department's age group.
        { name: 'dimension', type: 'text', max: 60 },
        { name: 'meetingDate', type: 'date' },
        { name: 'agreed', type: 'text', max: 2000 },
        { name: 'agreedAt', type: 'date' },
        // The meeting date the reminder went out for, so that each member gets one mail per meeting.
        { name: 'remindedFor', type: 'text', max: 40 },
        ...autodates,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_avdeling_months_avdeling_month ON avdeling_months (avdeling, month)'],
    });
    app.save(months);

    const stories = new Collection({
      type: 'base',
      name: 'praksisfortellinger',
      listRule: `author = @request.auth.id || ${leaderOf}`,
      viewRule: `author = @request.auth.id || ${leaderOf}`,
      createRule: isUser,
      updateRule: 'author = @request.auth.id',
      deleteRule: 'author = @request.auth.id',
      fields: [
        { name: 'author', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'avdeling', type: 'relation', required: true, collectionId: avdelinger.id, maxSelect: 1, cascadeDelete: true },
        { name: 'month', type: 'text', required: true, pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
        { name: 'dimension', type: 'text', required: true, max: 60 },
        { name: 'text', type: 'text', required: true, max: 2000 },
        // The writer confirmed that no child can be recognised (the form asks; the contract does not).
        { name: 'noChildRecognisable', type: 'bool' },
        ...autodates,
      ],
      indexes: ['CREATE INDEX idx_praksisfortellinger_avdeling_month ON praksisfortellinger (avdeling, month)'],
    });
    app.save(stories);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('praksisfortellinger'));
    app.delete(app.findCollectionByNameOrId('avdeling_months'));
    const users = app.findCollectionByNameOrId('users');
    users.fields.removeByName('avdeling');
    users.updateRule = users.updateRule.replace(' && (@request.body.avdeling:isset = false || @request.body.avdeling = avdeling)', '');
    const leadsMyDepartment =
      ' || (avdeling != "" && avdeling = @request.auth.avdeling) || (avdeling != "" && avdeling.leaders.id ?= @request.auth.id)';
    users.listRule = users.listRule.replace(leadsMyDepartment, '');
    users.viewRule = users.viewRule.replace(leadsMyDepartment, '');
    app.save(users);
    app.delete(app.findCollectionByNameOrId('avdelinger'));
  },
);
