// Kursbevis: issued by the server once the course's requirements hold (lib/certificate-rules.js),
// with a code that anyone can check on the public page: name, course and date, nothing more.
const { courseIndex } = require(`${__hooks}/lib/course-index.js`);
const rules = require(`${__hooks}/lib/certificate-rules.js`);
const { requireUser } = require(`${__hooks}/lib/http.js`);

// Crockford-like: no 0/O, 1/I, so a code read aloud or typed from paper comes out right.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 16;

const REASONS = {
  notStarted: 'ikke påbegynt',
  notCompleted: 'ikke fullført',
  quizMissing: 'kunnskapssjekken er ikke besvart',
  quizFailed: `under ${rules.PASS_PERCENT} % riktige på kunnskapssjekken`,
};

function findCourse(id) {
  const courses = courseIndex();
  if (courses.length === 0) throw new ApiError(503, 'Kurslisten er ikke tilgjengelig på serveren. Prøv igjen senere.');
  const course = courses.find((c) => c.id === id);
  if (!course) throw new NotFoundError('Fant ikke kurset.');
  return course;
}

function progressRows(app, user, course) {
  return app.findRecordsByFilter('progress', 'user = {:u} && course = {:c}', '', 0, 0, { u: user.id, c: course.id }).map((r) => ({
    lesson: r.getString('lesson'),
    status: r.getString('status'),
    score: r.getFloat('score'),
  }));
}

function existing(app, user, course) {
  const found = app.findRecordsByFilter('certificates', 'user = {:u} && course = {:c}', '', 1, 0, { u: user.id, c: course.id });
  return found.length > 0 ? found[0] : null;
}

function issue(app, user, course) {
  const collection = app.findCollectionByNameOrId('certificates');
  for (let i = 0; i < 5; i++) {
    const record = new Record(collection);
    record.set('user', user.id);
    record.set('course', course.id);
    record.set('code', $security.randomStringWithAlphabet(CODE_LENGTH, CODE_ALPHABET));
    record.set('issuedAt', new DateTime());
    try {
      app.save(record);
      return record;
    } catch (err) {
      // Another request issued it a moment ago (unique user × course), or, astronomically
      // unlikely, the code was taken: look again, then try a new code.
      const again = existing(app, user, course);
      if (again) return again;
    }
  }
  throw new ApiError(500, 'Klarte ikke å lage kursbeviset. Prøv igjen.');
}

function barnehageName(app, user) {
  const id = user.getString('barnehage');
  if (!id) return '';
  try {
    return app.findRecordById('barnehager', id).getString('name');
  } catch (err) {
    return '';
  }
}

/** GET /api/tettpa/me/certificates/{course}: the learner's kursbevis, or 409 with what is missing. */
function mine(e) {
  const user = requireUser(e);
  const course = findCourse(e.request.pathValue('course'));
  let record = existing(e.app, user, course);
  if (!record) {
    const missing = rules.missingLessons(course, progressRows(e.app, user, course));
    if (missing.length > 0) {
      const list = missing.map((m) => `«${m.title}» (${REASONS[m.state]})`).join(', ');
      return e.json(409, {
        message: `Kursbeviset er ikke klart ennå. Dette mangler: ${list}.`,
        missing: missing.map((m) => ({ lesson: m.lesson, title: m.title, state: m.state })),
      });
    }
    record = issue(e.app, user, course);
  }
  return e.json(200, {
    code: record.getString('code'),
    issuedAt: record.getString('issuedAt'),
    name: user.getString('name'),
    barnehage: barnehageName(e.app, user),
    course: { id: course.id, title: course.title },
    lessons: course.lessons.map((l) => l.title),
    minutes: rules.courseMinutes(course),
  });
}

/** GET /api/tettpa/certificates/verify?kode=…: public; confirms name, course and date only. */
function verify(e) {
  const raw = String(e.requestInfo().query['kode'] || '');
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  if (!new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(code)) {
    throw new BadRequestError(`En kode for kursbevis har ${CODE_LENGTH} tegn (bokstaver og tall). Sjekk at du har skrevet den av riktig.`);
  }
  let record;
  try {
    record = e.app.findFirstRecordByData('certificates', 'code', code);
  } catch (err) {
    throw new NotFoundError('Fant ikke noe kursbevis med denne koden.');
  }
  let name = '';
  try {
    name = e.app.findRecordById('users', record.getString('user')).getString('name');
  } catch (err) {
    throw new NotFoundError('Fant ikke noe kursbevis med denne koden.');
  }
  const course = courseIndex().find((c) => c.id === record.getString('course'));
  return e.json(200, { name, course: course ? course.title : record.getString('course'), date: record.getString('issuedAt') });
}

module.exports = { mine, verify, CODE_ALPHABET, CODE_LENGTH };
