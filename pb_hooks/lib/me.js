// The learner's own data (privacy law): everything as JSON, and deleting the account with
// everything in it. Master codes of an unfinished check stay out of the export.
const { requireUser, jsonBody, readJson } = require(`${__hooks}/lib/http.js`);

function plain(record, texts, numbers) {
  const out = { id: record.id };
  for (const f of texts) out[f] = record.getString(f);
  for (const f of numbers || []) out[f] = record.getFloat(f);
  return out;
}

/** GET /api/tettpa/me/export */
function exportMine(e) {
  const user = requireUser(e);
  const app = e.app;
  const mine = (collection, sort) => app.findRecordsByFilter(collection, 'user = {:u}', sort, 0, 0, { u: user.id });
  let barnehage = null;
  if (user.getString('barnehage')) {
    try {
      const b = app.findRecordById('barnehager', user.getString('barnehage'));
      barnehage = { id: b.id, name: b.getString('name'), pulje: b.getInt('pulje'), eierform: b.getString('eierform') };
    } catch (err) {
      barnehage = null;
    }
  }
  const checks = mine('reliability_checks', 'created');
  const complete = {};
  for (const c of checks) complete[c.id] = c.getBool('complete');
  const slugOf = {};
  const attempts = mine('attempts', 'created').map((a) => {
    const vignetteId = a.getString('vignette');
    if (!(vignetteId in slugOf)) {
      try {
        slugOf[vignetteId] = app.findRecordById('vignettes', vignetteId).getString('slug');
      } catch (err) {
        slugOf[vignetteId] = '';
      }
    }
    const check = a.getString('reliability_check');
    const open = check && !complete[check];
    return {
      id: a.id,
      created: a.getString('created'),
      vignette: slugOf[vignetteId],
      reliabilityCheck: check || null,
      scores: readJson(a, 'scores'),
      // Feedback of a check that is still running would reveal its master codes.
      results: open ? null : readJson(a, 'results'),
      withinOne: open ? null : a.getFloat('withinOne'),
      exact: open ? null : a.getFloat('exact'),
    };
  });
  return e.json(200, {
    exportedAt: new Date().toISOString(),
    user: {
      id: user.id,
      email: user.getString('email'),
      name: user.getString('name'),
      role: user.getString('role'),
      stilling: user.getString('stilling'),
      certifiedUntil: user.getString('certified_until') || null,
      created: user.getString('created'),
      barnehage,
    },
    progress: mine('progress', 'created').map((p) => plain(p, ['course', 'lesson', 'status', 'location', 'suspend_data', 'created', 'updated'], ['score', 'time_seconds'])),
    reflections: mine('reflections', 'created').map((r) => plain(r, ['course', 'lesson', 'prompt', 'text', 'created', 'updated'])),
    // The department's month (issue 12): the learner's own praksisfortellinger.
    praksisfortellinger: app
      .findRecordsByFilter('praksisfortellinger', 'author = {:u}', 'month', 0, 0, { u: user.id })
      .map((s) => plain(s, ['avdeling', 'month', 'dimension', 'text', 'created', 'updated'])),
    certificates: mine('certificates', 'created').map((c) => plain(c, ['course', 'code', 'issuedAt', 'created'])),
    attempts,
    // Kodepanel: the learner's own panel codes (their own data, though nobody else sees them).
    panelCodes: mine('panel_codes', 'created').map((c) => ({
      created: c.getString('created'),
      panel: c.getString('panel'),
      vignette: slugOf[c.getString('vignette')] || app.findRecordById('vignettes', c.getString('vignette')).getString('slug'),
      scores: readJson(c, 'scores'),
    })),
    reliabilityChecks: checks.map((c) => ({
      id: c.id,
      created: c.getString('created'),
      ageGroup: c.getString('ageGroup'),
      cycles: readJson(c, 'cycles'),
      complete: c.getBool('complete'),
      passed: c.getBool('complete') ? c.getBool('passed') : null,
      result: c.getBool('complete') ? readJson(c, 'result') : null,
    })),
    // Issue 14: the learner's own codes in calibration rounds (nobody else can read them).
    calibrationCodes: mine('calibration_codes', 'created').map((c) => ({ round: c.getString('round'), created: c.getString('created'), scores: readJson(c, 'scores') })),
  });
}

/** POST /api/tettpa/me/delete {password}: the account and everything in it, for good. */
function deleteMine(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  if (typeof body.password !== 'string' || body.password === '') {
    throw new BadRequestError('Skriv inn passordet ditt for å bekrefte at kontoen skal slettes.');
  }
  // The same guard as the login: a stolen session must not become a way to guess the password.
  require(`${__hooks}/lib/login-guard.js`).guarded(e.app, user.email(), () => {
    if (!user.validatePassword(body.password)) throw new BadRequestError('Passordet stemmer ikke. Kontoen er ikke slettet.');
  });
  // Progress, reflections, attempts and checks go with the user (cascading relations).
  e.app.delete(user);
  return e.noContent(204);
}

module.exports = { exportMine, deleteMine };
