// Progress reports for leaders: a styrer sees their own kindergarten, admin everyone. The rules
// of who sees what are here because a CSV is not a collection: checked per request.
const { requireUser } = require(`${__hooks}/lib/http.js`);
const { reportCourses } = require(`${__hooks}/lib/report-courses.js`);
const { toCsv } = require(`${__hooks}/lib/csv.js`);

const STILLING = { styrer: 'Styrer', 'pedagogisk-leder': 'Pedagogisk leder', pedagog: 'Barnehagelærer', fagarbeider: 'Fagarbeider', assistent: 'Assistent', annet: 'Annet' };

/** Which kindergarten(s) the caller may see: a barnehage id, '' for all, or a 403. */
function scopeOf(e, user) {
  const role = user.getString('role');
  const asked = e.request.url.query().get('barnehage');
  if (role === 'admin') return asked || '';
  if (role === 'styrer' && user.getString('barnehage')) {
    if (asked && asked !== user.getString('barnehage')) throw new ForbiddenError('Du kan bare se fremdriften i din egen barnehage.');
    return user.getString('barnehage');
  }
  throw new ForbiddenError('Bare styrere og Kompetanseteam barnehage kan hente rapporter over fremdrift.');
}

/**
 * Staff × courses: lessons done, lessons begun and the last activity, per person and course, from
 * the totals the progress hooks keep (lib/progress-totals.js), so one kindergarten costs its own
 * people's rows (users.barnehage is indexed) and never a pass over all progress.
 */
function staffProgress(app, barnehageId) {
  const users = barnehageId
    ? app.findRecordsByFilter('users', 'barnehage = {:b}', 'name', 0, 0, { b: barnehageId })
    : app.findRecordsByFilter('users', 'id != ""', 'name', 0, 0);
  const rows = arrayOf(new DynamicModel({ user: '', course: '', done: 0, begun: 0, last: '' }));
  app
    .db()
    .newQuery(
      'SELECT t.user AS user, t.course AS course, t.done AS done, t.begun AS begun, t.last AS last FROM progress_totals t ' +
        (barnehageId ? 'JOIN users u ON u.id = t.user WHERE u.barnehage = {:b}' : ''),
    )
    .bind({ b: barnehageId })
    .all(rows);
  const byUser = {};
  for (const r of rows) (byUser[r.user] = byUser[r.user] || {})[r.course] = { done: r.done, begun: r.begun, last: r.last };
  const barnehager = {};
  const wanted = barnehageId ? app.findRecordsByFilter('barnehager', 'id = {:b}', '', 1, 0, { b: barnehageId }) : app.findRecordsByFilter('barnehager', 'id != ""', '', 0, 0);
  for (const b of wanted) barnehager[b.id] = { name: b.getString('name'), pulje: b.getInt('pulje') };
  return { users, byUser, barnehager };
}

function statusOf(entry, total) {
  if (!entry || entry.begun === 0) return 'Ikke startet';
  if (total > 0 && entry.done >= total) return 'Fullført';
  return 'Påbegynt';
}

/** GET /api/tettpa/reports/progress.csv */
function progressCsv(e) {
  const user = requireUser(e);
  const scope = scopeOf(e, user);
  const courses = reportCourses(e.app);
  const { users, byUser, barnehager } = staffProgress(e.app, scope);
  const rows = [];
  for (const u of users) {
    const b = barnehager[u.getString('barnehage')] || { name: '', pulje: '' };
    for (const c of courses) {
      const entry = (byUser[u.id] || {})[c.id];
      rows.push([
        b.name,
        b.pulje,
        u.getString('name'),
        u.getString('email'),
        STILLING[u.getString('stilling')] || '',
        c.title,
        entry ? Math.min(entry.done, c.lessons.length) : 0,
        c.lessons.length,
        statusOf(entry, c.lessons.length),
        entry ? entry.last.slice(0, 10) : '',
      ]);
    }
  }
  const csv = toCsv(['Barnehage', 'Pulje', 'Navn', 'E-post', 'Stilling', 'Kurs', 'Fullførte leksjoner', 'Leksjoner i kurset', 'Status', 'Sist aktiv'], rows);
  e.response.header().set('Content-Disposition', 'attachment; filename="fremdrift.csv"');
  return e.blob(200, 'text/csv; charset=utf-8', csv);
}

/** The person's department by name, or '' where the users have no departments (yet). */
function avdelingOf(app, user, names) {
  try {
    const field = user.collection().fields.getByName('avdeling');
    const value = field ? user.getString('avdeling') : '';
    if (!value || field.type() !== 'relation') return value;
    if (!(value in names)) names[value] = app.findRecordById(field.collectionId, value).getString('name');
    return names[value];
  } catch (err) {
    return '';
  }
}

/** GET /api/tettpa/reports/staff: the same as JSON, for the styrer's page. */
function staffJson(e) {
  const user = requireUser(e);
  const scope = scopeOf(e, user);
  const courses = reportCourses(e.app);
  const { users, byUser, barnehager } = staffProgress(e.app, scope);
  const avdelinger = {};
  return e.json(200, {
    courses: courses.map((c) => ({ id: c.id, title: c.title, lessons: c.lessons.length })),
    staff: users.map((u) => ({
      id: u.id,
      name: u.getString('name'),
      stilling: u.getString('stilling'),
      barnehage: (barnehager[u.getString('barnehage')] || {}).name || '',
      avdeling: avdelingOf(e.app, u, avdelinger),
      courses: courses.reduce((acc, c) => {
        const entry = (byUser[u.id] || {})[c.id];
        acc[c.id] = { done: entry ? Math.min(entry.done, c.lessons.length) : 0, last: entry ? entry.last : '', status: statusOf(entry, c.lessons.length) };
        return acc;
      }, {}),
    })),
  });
}

/**
 * The admin's completion report as JSON, made by SQLite: per kindergarten its staff and, per course,
 * how many have finished and begun it; the same per pulje. Counted over the totals (a covering
 * index: one small entry per person and course), and built into JSON in SQL too: for the whole
 * country (5,700 kindergartens, 1.7 MB) JS objects alone cost more than the counting.
 */
function completionJson(app, courses) {
  const params = {};
  const names = courses.map((c, i) => {
    params[`c${i}`] = c.id;
    params[`n${i}`] = c.lessons.length;
    return `{:c${i}}`;
  });
  const whens = courses.map((c, i) => `WHEN {:c${i}} THEN ({:n${i}} > 0 AND done >= {:n${i}})`).join(' ');
  const counted = courses.length
    ? `SELECT barnehage, course, SUM(CASE course ${whens} ELSE 0 END) AS completed, SUM(begun > 0) AS started FROM progress_totals WHERE course IN (${names.join(', ')}) GROUP BY course, barnehage`
    : "SELECT '' AS barnehage, '' AS course, 0 AS completed, 0 AS started WHERE 0";
  const objects = (from, key) =>
    `SELECT ${key}, json_group_object(course, completed) FILTER (WHERE completed > 0) AS completed, json_group_object(course, started) FILTER (WHERE started > 0) AS started FROM ${from} GROUP BY ${key}`;
  const result = new DynamicModel({ barnehager: '', puljer: '' });
  app
    .db()
    .newQuery(
      `WITH counted AS MATERIALIZED (${counted}), ` +
        `per AS (${objects('counted', 'barnehage')}), ` +
        "staff AS (SELECT barnehage, COUNT(*) AS staff FROM users WHERE barnehage != '' GROUP BY barnehage), " +
        "rows AS MATERIALIZED (SELECT b.id AS id, b.name AS name, b.pulje AS pulje, COALESCE(s.staff, 0) AS staff, COALESCE(per.completed, '{}') AS completed, COALESCE(per.started, '{}') AS started " +
        'FROM barnehager b LEFT JOIN staff s ON s.barnehage = b.id LEFT JOIN per ON per.barnehage = b.id), ' +
        'pulje_course AS (SELECT b.pulje AS pulje, c.course AS course, SUM(c.completed) AS completed, SUM(c.started) AS started FROM counted c JOIN barnehager b ON b.id = c.barnehage GROUP BY b.pulje, c.course), ' +
        `pulje_objects AS (${objects('pulje_course', 'pulje')}), ` +
        'pulje_rows AS (SELECT pulje, COUNT(*) AS barnehager, SUM(staff) AS staff FROM rows GROUP BY pulje) ' +
        "SELECT (SELECT json_group_array(json_object('id', id, 'name', name, 'pulje', pulje, 'staff', staff, 'completed', json(completed), 'started', json(started))) FROM (SELECT * FROM rows ORDER BY name)) AS barnehager, " +
        "(SELECT json_group_array(json_object('pulje', r.pulje, 'barnehager', r.barnehager, 'staff', r.staff, 'completed', json(COALESCE(o.completed, '{}')), 'started', json(COALESCE(o.started, '{}')))) " +
        'FROM (SELECT * FROM pulje_rows ORDER BY pulje) r LEFT JOIN pulje_objects o ON o.pulje = r.pulje) AS puljer',
    )
    .bind(params)
    .one(result);
  return result;
}

/** GET /api/tettpa/reports/completion: per kindergarten and per pulje, admin only. */
function completion(e) {
  const user = requireUser(e);
  if (user.getString('role') !== 'admin') throw new ForbiddenError('Bare Kompetanseteam barnehage kan se fullføring for alle barnehagene.');
  const courses = reportCourses(e.app);
  const { barnehager, puljer } = completionJson(e.app, courses);
  const head = JSON.stringify(courses.map((c) => ({ id: c.id, title: c.title, lessons: c.lessons.length })));
  return e.blob(200, 'application/json', `{"courses":${head},"barnehager":${barnehager},"puljer":${puljer}}`);
}

module.exports = { progressCsv, staffJson, completion };
