/// <reference path="../pb_data/types.d.ts" />
// Progress at the size of the whole country (issue 15): 100,000 staff, 4 million rows. Three changes.
//
// 1. The list rule is written so that SQLite answers it from indexes whatever filter the client
//    sends. PocketBase turns `@request.auth.role` / `.barnehage` into a LEFT JOIN of the caller's
//    own users row, and a relation (`user.barnehage`) into a LEFT JOIN per row; SQLite cannot drive
//    an `OR` from an index when one of its branches needs a table joined after progress, nor when a
//    branch has no indexed column of progress at all (`@request.auth.role = "admin"` alone), so the
//    old rule read all 4 million rows for every list, a learner's included. Now:
//    - `@request.auth.created > ""` (true for every account) lets SQLite make that LEFT JOIN an inner
//      join and read the caller's row first;
//    - each branch names an indexed column of progress: `user` (the unique index starting with it),
//      `barnehage` (a copy of the learner's kindergarten kept on every row by the hooks, so the
//      styrer's branch needs no join), and for admin a range over the same index that every row is
//      in. Equality on two columns would become COALESCE(a,'') = COALESCE(b,''), which no index
//      serves: `>= and <=` compare the same and keep the index.
//    SQLite then plans a MULTI-INDEX OR: a learner reads their own rows, a styrer their kindergarten's.
//    The course leader's branch (members of their cohorts, assistant course) needs the membership
//    join, so it stays in the view rule (one row by id: no scan) and leaves the list rule; the
//    leader's room reads its cohort's progress through GET /api/tettpa/cohorts/{id}/progress.
// 2. progress_totals: per person and course, lessons done and begun and the last activity, kept by
//    the hooks as progress changes, so the leaders' reports read 100,000 × courses small rows
//    instead of grouping 4 million.
// 3. Indexes the reports and rules look up by: users.barnehage, users.avdeling, cohort_members.user. And one less:
//    progress(course). With it SQLite answered a styrer's `course = "…"` filter by reading a whole
//    course (a sixth of the table) rather than the rule's indexes: it judged the course index the
//    cheaper path. "Is there progress on this course" is now asked of progress_totals.
const GUARD = '@request.auth.id != "" && (';
const OWN = 'user = @request.auth.id';
const STYRER = '(@request.auth.role = "styrer" && @request.auth.barnehage != "" && barnehage >= @request.auth.barnehage && barnehage <= @request.auth.barnehage)';
// Kindergarten ids are [a-z0-9]; "~" sorts after them all, and "" is in range too.
const ADMIN = '(@request.auth.role = "admin" && barnehage >= "" && barnehage <= "~")';
const LEADER = '(course = "assistentkurs" && user.cohort_members_via_user.cohort.leader ?= @request.auth.id)';

migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    users.addIndex('idx_users_barnehage', false, 'barnehage', '');
    // The department's members (the styrer's month overview asks per department).
    users.addIndex('idx_users_avdeling', false, 'avdeling', '');
    app.save(users);

    const members = app.findCollectionByNameOrId('cohort_members');
    members.addIndex('idx_cohort_members_user', false, 'user', '');
    app.save(members);

    const progress = app.findCollectionByNameOrId('progress');
    // Not required: a learner without a kindergarten has "". Set by the hooks, never by the client.
    progress.fields.add(new TextField({ name: 'barnehage', max: 15 }));
    progress.addIndex('idx_progress_barnehage', false, 'barnehage', '');
    progress.removeIndex('idx_progress_course');
    progress.listRule = `${GUARD}@request.auth.created > "" && (${OWN} || ${STYRER} || ${ADMIN}))`;
    progress.viewRule = `${GUARD}${OWN} || ${STYRER} || @request.auth.role = "admin" || ${LEADER})`;
    app.save(progress);
    app.db().newQuery('UPDATE progress SET barnehage = COALESCE((SELECT u.barnehage FROM users u WHERE u.id = progress.user), \'\')').execute();

    const totals = new Collection({
      type: 'base',
      name: 'progress_totals',
      // Read by the hooks and the report routes only.
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        { name: 'user', type: 'relation', required: true, collectionId: users.id, maxSelect: 1, cascadeDelete: true },
        { name: 'course', type: 'text', required: true, max: 80 },
        { name: 'barnehage', type: 'text', max: 15 },
        { name: 'done', type: 'number', onlyInt: true },
        { name: 'begun', type: 'number', onlyInt: true },
        { name: 'last', type: 'text', max: 40 },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_progress_totals_user_course ON progress_totals (user, course)',
        // Covering for the admin's completion report (counted per course and kindergarten from the
        // index alone) and for "is there progress on this course".
        'CREATE INDEX idx_progress_totals_course ON progress_totals (course, barnehage, done, begun)',
      ],
    });
    app.save(totals);
    app
      .db()
      .newQuery(
        "INSERT INTO progress_totals (id, user, course, barnehage, done, begun, last, created, updated) " +
          "SELECT 't' || substr(lower(hex(randomblob(7))), 1, 14), p.user, p.course, MAX(p.barnehage), SUM(p.status IN ('completed', 'passed')), COUNT(*), MAX(p.updated), MIN(p.created), MAX(p.updated) " +
          'FROM progress p GROUP BY p.user, p.course',
      )
      .execute();
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('progress_totals'));
    const progress = app.findCollectionByNameOrId('progress');
    progress.removeIndex('idx_progress_barnehage');
    progress.addIndex('idx_progress_course', false, 'course', '');
    progress.fields.removeByName('barnehage');
    const old = `${GUARD}${OWN} || @request.auth.role = "admin" || (@request.auth.role = "styrer" && @request.auth.barnehage != "" && user.barnehage = @request.auth.barnehage) || ${LEADER})`;
    progress.listRule = old;
    progress.viewRule = old;
    app.save(progress);
    const users = app.findCollectionByNameOrId('users');
    users.removeIndex('idx_users_barnehage');
    users.removeIndex('idx_users_avdeling');
    app.save(users);
    const members = app.findCollectionByNameOrId('cohort_members');
    members.removeIndex('idx_cohort_members_user');
    app.save(members);
  },
);
