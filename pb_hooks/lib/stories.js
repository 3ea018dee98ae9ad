// Praksisfortellinger: who may hand one in, what a valid one is, until when it can be changed.
// Read access is the collection's rule (author and the department's leaders only).
const { requireUser } = require(`${__hooks}/lib/http.js`);
const { dimensionsOf } = require(`${__hooks}/lib/catalogue.js`);
const departments = require(`${__hooks}/lib/departments.js`);
const calendar = require(`${__hooks}/lib/calendar.js`);

const MAX_CHARS = 2000;

/** True once the meeting of the story's month has begun: from then on the story stays as it is. */
function meetingStarted(app, avdelingId, month, now) {
  const record = departments.monthRecord(app, avdelingId, month);
  const start = record ? calendar.instantOf(record.getString('meetingDate')) : null;
  return start !== null && start <= now;
}

function checkContent(r, avdeling) {
  if (!calendar.isMonth(r.getString('month'))) throw new BadRequestError('Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-11.');
  const text = r.getString('text');
  if (text.trim() === '') throw new BadRequestError('Praksisfortellingen er tom. Skriv hva som skjedde før du leverer.');
  if (text.length > MAX_CHARS) {
    throw new BadRequestError(`Praksisfortellingen kan være høyst ${MAX_CHARS} tegn, og denne er ${text.length}. Prøv å korte den ned til ett øyeblikk.`);
  }
  const group = avdeling.getString('ageGroup');
  if ((dimensionsOf(group) || []).indexOf(r.getString('dimension')) < 0) {
    throw new BadRequestError(`«${r.getString('dimension')}» er ikke en dimensjon for ${departments.AGE_GROUP_NAME[group]}, som avdelingen din har.`);
  }
}

/** onRecordCreateRequest: only for oneself, only to one's own department, before the meeting. */
function beforeCreate(e) {
  if (e.hasSuperuserAuth()) return e.next();
  const user = requireUser(e);
  const r = e.record;
  if (r.getString('author') !== user.id) throw new ForbiddenError('Du kan bare levere en praksisfortelling i ditt eget navn.');
  if (!user.getString('avdeling')) throw new ForbiddenError('Du hører ikke til noen avdeling ennå. Be styreren legge deg til en avdeling.');
  if (r.getString('avdeling') !== user.getString('avdeling')) throw new ForbiddenError('Du kan bare levere praksisfortellinger til din egen avdeling.');
  const avdeling = departments.findAvdeling(e.app, r.getString('avdeling'));
  if (!avdeling) throw new BadRequestError('Avdelingen finnes ikke.');
  checkContent(r, avdeling);
  if (meetingStarted(e.app, avdeling.id, r.getString('month'), Date.now())) {
    throw new ForbiddenError('Møtet for denne måneden har begynt, så det kan ikke leveres flere fortellinger til det.');
  }
  return e.next();
}

/** onRecordUpdateRequest: the author edits the text until the meeting starts; the rest is fixed. */
function beforeUpdate(e) {
  if (e.hasSuperuserAuth()) return e.next();
  requireUser(e);
  const r = e.record;
  const old = r.original();
  for (const field of ['author', 'avdeling', 'month']) {
    if (r.getString(field) !== old.getString(field)) throw new BadRequestError('Forfatter, avdeling og måned kan ikke endres på en levert praksisfortelling.');
  }
  if (meetingStarted(e.app, old.getString('avdeling'), old.getString('month'), Date.now())) {
    throw new ForbiddenError('Møtet har begynt, så fortellingen kan ikke endres lenger. Du kan fortsatt slette den.');
  }
  const avdeling = departments.findAvdeling(e.app, old.getString('avdeling'));
  if (!avdeling) throw new BadRequestError('Avdelingen finnes ikke.');
  checkContent(r, avdeling);
  return e.next();
}

module.exports = { MAX_CHARS, meetingStarted, beforeCreate, beforeUpdate };
