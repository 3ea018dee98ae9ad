// Departments (avdelinger): who leads, who belongs, and what leaders, the styrer and admin may see
// of a department's month (counts, never the stories).
const { requireUser, jsonBody } = require(`${__hooks}/lib/http.js`);
const { dimensionsOf, dimension } = require(`${__hooks}/lib/catalogue.js`);
const { planDimension } = require(`${__hooks}/lib/arshjul.js`);
const calendar = require(`${__hooks}/lib/calendar.js`);

const AGE_GROUP_NAME = { toddler: 'småbarn', 'pre-k': 'storbarn' };

function leadersOf(avdeling) {
  return avdeling.getStringSlice('leaders');
}

function isLeader(avdeling, userId) {
  return leadersOf(avdeling).indexOf(userId) >= 0;
}

/** The department's leaders, its kindergarten's styrer and admin see its counts. */
function seesCounts(user, avdeling) {
  const role = user.getString('role');
  if (role === 'admin') return true;
  if (role === 'styrer' && user.getString('barnehage') && user.getString('barnehage') === avdeling.getString('barnehage')) return true;
  return isLeader(avdeling, user.id);
}

/** The members whose stories are counted: everyone who belongs, except the leaders who run the meeting. */
function membersOf(app, avdeling) {
  const leaders = leadersOf(avdeling);
  return app.findRecordsByFilter('users', 'avdeling = {:a}', 'name', 0, 0, { a: avdeling.id }).filter((u) => leaders.indexOf(u.id) < 0);
}

/** Ids of the given members who handed in a story for the month. */
function submittedBy(app, avdeling, month, members) {
  const ids = {};
  for (const s of app.findRecordsByFilter('praksisfortellinger', 'avdeling = {:a} && month = {:m}', '', 0, 0, { a: avdeling.id, m: month })) {
    ids[s.getString('author')] = true;
  }
  return members.filter((m) => ids[m.id]).map((m) => m.id);
}

function monthRecord(app, avdelingId, month) {
  try {
    return app.findFirstRecordByFilter('avdeling_months', 'avdeling = {:a} && month = {:m}', { a: avdelingId, m: month });
  } catch (err) {
    return null;
  }
}

/** The month's dimension: the leader's choice, else the årshjul's for the age group ('' if none). */
function dimensionOf(avdeling, month, record) {
  const chosen = record ? record.getString('dimension') : '';
  return chosen || planDimension(avdeling.getString('ageGroup'), Number(month.slice(5, 7)));
}

function monthSummary(app, avdeling, month) {
  const record = monthRecord(app, avdeling.id, month);
  const members = membersOf(app, avdeling);
  const agreed = record ? record.getString('agreed') : '';
  return {
    dimension: dimensionOf(avdeling, month, record) || null,
    meetingDate: record && record.getString('meetingDate') ? record.getString('meetingDate') : null,
    members: members.length,
    submitted: submittedBy(app, avdeling, month, members).length,
    agreed: agreed || null,
  };
}

function findAvdeling(app, id) {
  try {
    return app.findRecordById('avdelinger', id);
  } catch (err) {
    return null;
  }
}

/** GET /api/tettpa/avdelinger/{id}/months/{month} */
function monthRoute(e) {
  const user = requireUser(e);
  const month = e.request.pathValue('month');
  if (!calendar.isMonth(month)) throw new BadRequestError('Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-11.');
  const avdeling = findAvdeling(e.app, e.request.pathValue('id'));
  if (!avdeling || !seesCounts(user, avdeling)) {
    throw new ForbiddenError('Bare avdelingens pedagogiske leder, styreren og Kompetanseteam barnehage kan se avdelingens måned.');
  }
  return e.json(200, monthSummary(e.app, avdeling, month));
}

/** The department a staff import names, looked up in the user's kindergarten (case and spaces ignored). */
function findByName(app, barnehageId, name) {
  const wanted = String(name || '').trim().toLowerCase();
  if (!wanted) return null;
  const all = app.findRecordsByFilter('avdelinger', 'barnehage = {:b}', '', 0, 0, { b: barnehageId });
  return all.find((a) => a.getString('name').trim().toLowerCase() === wanted) || null;
}

/** PUT /api/tettpa/users/{id}/avdeling {avdeling: id | ""}: the styrer (or admin) places a person. */
function setMembership(e) {
  const caller = requireUser(e);
  const body = jsonBody(e);
  let person;
  try {
    person = e.app.findRecordById('users', e.request.pathValue('id'));
  } catch (err) {
    person = null;
  }
  const role = caller.getString('role');
  const allowed = person && (role === 'admin' || (role === 'styrer' && caller.getString('barnehage') && caller.getString('barnehage') === person.getString('barnehage')));
  if (!allowed) throw new ForbiddenError('Bare styreren i barnehagen og Kompetanseteam barnehage kan bestemme hvilken avdeling en ansatt hører til.');
  const target = typeof body.avdeling === 'string' ? body.avdeling : null;
  if (target === null) throw new BadRequestError('Oppgi avdelingen («avdeling»), eller en tom tekst for ingen avdeling.');
  if (target) {
    const avdeling = findAvdeling(e.app, target);
    if (!avdeling || avdeling.getString('barnehage') !== person.getString('barnehage')) {
      throw new BadRequestError('Avdelingen finnes ikke i barnehagen til denne ansatte.');
    }
  }
  person.set('avdeling', target);
  e.app.save(person);
  return e.json(200, { id: person.id, avdeling: target });
}

/** Checks a department before it is saved: a clear name, an age group, leaders from its own kindergarten. */
function validateAvdeling(e) {
  const r = e.record;
  const name = r.getString('name').trim();
  r.set('name', name);
  if (name.length < 2 || name.length > 80) throw new BadRequestError('Avdelingen trenger et navn på 2–80 tegn.');
  if (!AGE_GROUP_NAME[r.getString('ageGroup')]) throw new BadRequestError('Velg aldersgruppe for avdelingen: småbarn eller storbarn.');
  const barnehage = r.getString('barnehage');
  const same = findByName(e.app, barnehage, name);
  if (same && same.id !== r.id) throw new BadRequestError(`Det finnes allerede en avdeling som heter «${name}» i barnehagen.`);
  for (const id of r.getStringSlice('leaders')) {
    let leader = null;
    try {
      leader = e.app.findRecordById('users', id);
    } catch (err) {
      leader = null;
    }
    if (!leader || leader.getString('barnehage') !== barnehage) {
      throw new BadRequestError('Pedagogisk leder må være ansatt i samme barnehage som avdelingen.');
    }
  }
  return e.next();
}

/** Checks a department's month: only its leaders (or admin) plan it; a dimension of its age group. */
function validateMonth(e) {
  const r = e.record;
  const old = r.original();
  if (e.hasSuperuserAuth()) return e.next();
  const user = requireUser(e);
  if (!r.isNew() && (r.getString('avdeling') !== old.getString('avdeling') || r.getString('month') !== old.getString('month'))) {
    throw new BadRequestError('Avdeling og måned kan ikke endres. Lag en ny måned i stedet.');
  }
  const avdeling = findAvdeling(e.app, r.getString('avdeling'));
  if (!avdeling) throw new BadRequestError('Avdelingen finnes ikke.');
  if (!isLeader(avdeling, user.id) && user.getString('role') !== 'admin') {
    throw new ForbiddenError('Bare avdelingens pedagogiske leder kan planlegge avdelingens måned.');
  }
  if (!calendar.isMonth(r.getString('month'))) throw new BadRequestError('Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-11.');
  if (r.isNew() && monthRecord(e.app, avdeling.id, r.getString('month'))) {
    throw new BadRequestError('Denne måneden finnes allerede for avdelingen. Endre den i stedet.');
  }
  const chosen = r.getString('dimension');
  const group = avdeling.getString('ageGroup');
  if (chosen && (dimensionsOf(group) || []).indexOf(chosen) < 0) {
    throw new BadRequestError(`«${chosen}» er ikke en dimensjon for ${AGE_GROUP_NAME[group]}.`);
  }
  if (r.getString('agreed').length > 2000) throw new BadRequestError('Det dere avtaler å prøve ut, kan være høyst 2000 tegn.');
  if (r.getString('agreed') !== old.getString('agreed')) r.set('agreedAt', new DateTime());
  if (r.getString('meetingDate') !== old.getString('meetingDate')) r.set('remindedFor', '');
  return e.next();
}

module.exports = {
  AGE_GROUP_NAME,
  isLeader,
  seesCounts,
  membersOf,
  submittedBy,
  monthRecord,
  dimensionOf,
  monthSummary,
  findAvdeling,
  findByName,
  monthRoute,
  setMembership,
  validateAvdeling,
  validateMonth,
  dimensionLabel: (key) => (dimension(key) ? dimension(key).nb || key : key),
};
