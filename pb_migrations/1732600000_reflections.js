/// <reference path="../pb_data/types.d.ts" />
// A learner's written reflections: private to the learner. No role, not even admin, reads them
// through the API; only the learner (and the superuser behind the admin UI) can.
migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    const own = 'user = @request.auth.id';
    const reflections = new Collection({
      type: 'base',
      name: 'reflections',
      listRule: own,
      viewRule: own,
      createRule: '@request.auth.id != "" && @request.auth.collectionName = "users" && @request.body.user = @request.auth.id',
      updateRule: `${own} && (@request.body.user:isset = false || @request.body.user = @request.auth.id)`,
      deleteRule: own,
      fields: [
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'course', type: 'text', required: true, max: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        { name: 'lesson', type: 'text', required: true, max: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        { name: 'prompt', type: 'text', required: true, max: 80, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        { name: 'text', type: 'text', max: 20000 },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_reflections_user_lesson_prompt ON reflections (user, course, lesson, prompt)'],
    });
    app.save(reflections);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('reflections'));
  },
);
