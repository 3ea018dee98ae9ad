// GET /api/tettpa/cohorts/{id}/progress: the assistant-course progress of one cohort's members, for
// its leader (and admin). A route rather than the progress list rule: the membership is a join, and
// a join in the list rule kept SQLite from its indexes for every list by everyone (see the migration
// 1734000000_progress_at_national_scale.js). Here the join starts from the cohort: its members by
// index, then each member's rows by index.
const { requireUser } = require(`${__hooks}/lib/http.js`);

const COURSE = 'assistentkurs';

function cohortProgress(e) {
  const user = requireUser(e);
  let cohort;
  try {
    cohort = e.app.findRecordById('cohorts', e.request.pathValue('id'));
  } catch (err) {
    throw new NotFoundError('Fant ikke kursgruppen.');
  }
  if (cohort.getString('leader') !== user.id && user.getString('role') !== 'admin') {
    throw new ForbiddenError('Bare kurslederen for kursgruppen kan se deltakernes fremdrift.');
  }
  const rows = arrayOf(new DynamicModel({ user: '', lesson: '', status: '' }));
  e.app
    .db()
    .newQuery('SELECT p.user AS user, p.lesson AS lesson, p.status AS status FROM cohort_members m JOIN progress p ON p.user = m.user AND p.course = {:course} WHERE m.cohort = {:cohort}')
    .bind({ cohort: cohort.id, course: COURSE })
    .all(rows);
  return e.json(200, { course: COURSE, items: rows.map((r) => ({ user: r.user, lesson: r.lesson, status: r.status })) });
}

module.exports = { cohortProgress };
