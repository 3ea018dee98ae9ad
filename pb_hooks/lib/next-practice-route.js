// Routes of issue 14: GET /api/tettpa/me/next (the practice vignette aimed at the observer's
// weak spot) and GET /api/tettpa/me/drift (drift on the history page). This file gathers the
// data; next-practice.js decides.
const decide = require(`${__hooks}/lib/next-practice.js`);
const catalogue = require(`${__hooks}/lib/catalogue.js`);
const { requireUser, readJson } = require(`${__hooks}/lib/http.js`);

const bands = catalogue.data.scale.bands;
const labelOf = (key) => {
  const d = catalogue.dimension(key);
  return d ? d.nb : key;
};

/** Practice and completed checks, oldest first: an unfinished check's codes never count. */
function countedAttempts(app, user) {
  return app.findRecordsByFilter('attempts', 'user = {:u} && (reliability_check = "" || reliability_check.complete = true)', 'created,id', 0, 0, { u: user.id });
}

/** The compared codes of the attempts; with `ageGroupOf` (vignette id → age group) each carries its age group. */
function codesOf(attempts, ageGroupOf) {
  const codes = [];
  for (const a of attempts) {
    const ageGroup = ageGroupOf ? ageGroupOf[a.getString('vignette')] : undefined;
    for (const r of readJson(a, 'results') || []) codes.push(ageGroup ? Object.assign({ ageGroup }, r) : r);
  }
  return codes;
}

/**
 * Practice material with its master codes: never a check-pool cycle, and never the vignette of
 * an open round of the learner's cohort (practice refuses it until the round is over).
 */
function practiceVignettes(app, user) {
  const blocked = {};
  const openRounds = app.findRecordsByFilter('cohort_rounds', 'status = "open" && cohort.cohort_members_via_cohort.user ?= {:u}', '', 0, 0, { u: user.id });
  for (const r of openRounds) blocked[r.getString('vignette')] = true;
  const byId = {};
  for (const v of app.findRecordsByFilter('vignettes', 'pool != "check"', 'slug', 0, 0)) {
    if (blocked[v.id]) continue;
    byId[v.id] = { slug: v.getString('slug'), title: v.getString('title'), kind: v.getString('kind'), pool: v.getString('pool'), ageGroup: v.getString('ageGroup'), masters: {} };
  }
  for (const m of app.findRecordsByFilter('master_codes', 'vignette.pool != "check"', '', 0, 0)) {
    const v = byId[m.getString('vignette')];
    if (v) v.masters[m.getString('dimension')] = m.getInt('score');
  }
  return byId;
}

/** GET /api/tettpa/me/next */
function next(e) {
  const user = requireUser(e);
  const attempts = countedAttempts(e.app, user);
  const byId = practiceVignettes(e.app, user);
  const slugOf = {};
  const ageGroupOf = {};
  for (const v of e.app.findRecordsByFilter('vignettes', 'id != ""', '', 0, 0)) {
    slugOf[v.id] = v.getString('slug');
    ageGroupOf[v.id] = v.getString('ageGroup');
  }
  const practised = attempts.filter((a) => a.getString('reliability_check') === '').map((a) => slugOf[a.getString('vignette')]);
  const offer = decide.nextPractice({
    codes: codesOf(attempts, ageGroupOf),
    practised,
    vignettes: Object.keys(byId).map((id) => byId[id]),
    bands,
    labelOf,
  });
  if (!offer) throw new NotFoundError('Det finnes ingen øvingsvignetter ennå.');
  return e.json(200, offer);
}

/** GET /api/tettpa/me/drift */
function myDrift(e) {
  const user = requireUser(e);
  return e.json(200, decide.drift(codesOf(countedAttempts(e.app, user)), bands));
}

module.exports = { next, myDrift };
