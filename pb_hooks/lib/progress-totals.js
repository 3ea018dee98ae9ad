// What the national scale needs kept beside each progress row (see the migration
// 1734000000_progress_at_national_scale.js): the learner's kindergarten copied onto the row, so the
// styrer's rule needs no join, and the per person and course totals the leaders' reports read.

/** The kindergarten of `userId` ("" when none or no such user). */
function barnehageOf(app, userId) {
  try {
    return app.findRecordById('users', userId).getString('barnehage');
  } catch (err) {
    return '';
  }
}

/** Sets the row's kindergarten from its learner, whatever the request said. */
function stampBarnehage(app, record) {
  record.set('barnehage', barnehageOf(app, record.getString('user')));
}

/** Recounts one person's totals for one course from their progress rows (a handful, by index). */
function refreshTotals(app, userId, course) {
  if (!userId || !course) return;
  const db = app.db();
  const params = { u: userId, c: course };
  const count = new DynamicModel({ begun: 0 });
  db.newQuery('SELECT COUNT(*) AS begun FROM progress WHERE user = {:u} AND course = {:c}').bind(params).one(count);
  if (count.begun === 0) {
    db.newQuery('DELETE FROM progress_totals WHERE user = {:u} AND course = {:c}').bind(params).execute();
    return;
  }
  db.newQuery(
    "INSERT INTO progress_totals (id, user, course, barnehage, done, begun, last, created, updated) " +
      "SELECT 't' || substr(lower(hex(randomblob(7))), 1, 14), {:u}, {:c}, MAX(barnehage), SUM(status IN ('completed', 'passed')), COUNT(*), MAX(updated), {:now}, {:now} " +
      'FROM progress WHERE user = {:u} AND course = {:c} ' +
      'ON CONFLICT (user, course) DO UPDATE SET barnehage = excluded.barnehage, done = excluded.done, begun = excluded.begun, last = excluded.last, updated = excluded.updated',
  )
    .bind({ ...params, now: new DateTime().string() })
    .execute();
}

/** A person moved to another kindergarten: their rows and totals move with them. */
function moveBarnehage(app, userId, barnehage) {
  const params = { u: userId, b: barnehage };
  app.db().newQuery('UPDATE progress SET barnehage = {:b} WHERE user = {:u}').bind(params).execute();
  app.db().newQuery('UPDATE progress_totals SET barnehage = {:b} WHERE user = {:u}').bind(params).execute();
}

module.exports = { stampBarnehage, refreshTotals, moveBarnehage };
