// What a cohort may be: two real days in the right order, not in the past, and room for 1 to 25.
// Checked on every create and update request, so the form and the API refuse the same things with
// the same Norwegian words (src/lib/cohorts/cohort-form.ts says them in the browser first).
const MAX_CAPACITY = 25;
const DATE = /^(\d{4}-\d{2}-\d{2})/;

const dayOf = (value) => {
  const match = DATE.exec(String(value || ''));
  return match ? match[1] : '';
};

/**
 * The first problem with a cohort as { field, message }, or null when there is none. `changed`
 * names the dates the request sets: a date already stored may lie in the past by now (archiving
 * an old cohort). The API accepts a cohort without dates (the form asks for both).
 */
function cohortProblem(cohort, changed, today) {
  const problem = (field, message) => ({ field, message });
  if (String(cohort.name || '').trim().length < 2) return problem('name', 'Gi kursgruppen et navn på minst to tegn.');
  const day1 = dayOf(cohort.day1);
  const day2 = dayOf(cohort.day2);
  if (changed.day1 && day1 && day1 < today) return problem('day1', 'Dag 1 kan ikke være en dato som har vært.');
  if (changed.day2 && day2 && day2 < today) return problem('day2', 'Dag 2 kan ikke være en dato som har vært.');
  if (day1 && day2 && day2 < day1) return problem('day2', 'Dag 2 kan ikke være før dag 1.');
  const capacity = Number(cohort.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) return problem('capacity', `Antall plasser må være et helt tall fra 1 til ${MAX_CAPACITY}.`);
  return null;
}

/** The hook's side: reads the record and the request body, throws a 400 naming the field. */
function checkCohortRequest(e, creating) {
  let body = {};
  try {
    body = e.requestInfo().body || {};
  } catch (err) {
    body = {};
  }
  const record = e.record;
  // An absent capacity on create means a full room; a capacity that was sent is taken as sent.
  if (creating && body.capacity === undefined) record.set('capacity', MAX_CAPACITY);
  const sets = (field) => creating || (body[field] !== undefined && dayOf(body[field]) !== dayOf(record.original().getString(field)));
  const problem = cohortProblem(
    { name: record.getString('name'), day1: record.getString('day1'), day2: record.getString('day2'), capacity: body.capacity !== undefined ? body.capacity : record.get('capacity') },
    { day1: sets('day1'), day2: sets('day2') },
    new Date().toISOString().slice(0, 10),
  );
  if (problem) throw new BadRequestError(problem.message, { [problem.field]: new ValidationError('validation_cohort', problem.message) });
}

module.exports = { cohortProblem, checkCohortRequest, MAX_CAPACITY };
