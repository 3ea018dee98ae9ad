// Coding practice and reliability checks against master codes. The routes in coding.pb.js call
// these; the arithmetic lives in scoring.js. Master codes leave the server only in feedback on
// a submission that has already been stored.
const scoring = require(`${__hooks}/lib/scoring.js`);
const catalogue = require(`${__hooks}/lib/catalogue.js`);
const config = require(`${__hooks}/lib/config.js`);
const { requireUser, jsonBody, readJson } = require(`${__hooks}/lib/http.js`);

const label = (key) => {
  const d = catalogue.dimension(key);
  return d ? d.nb : key;
};

/** The vignette of a slug, or of an earlier slug it had (formerSlugs), or null. */
function vignetteBySlug(app, slug) {
  try {
    return app.findFirstRecordByData('vignettes', 'slug', slug);
  } catch (err) {
    // A check started before a rename stores the old slug; the record kept its id.
    const quoted = JSON.stringify(slug);
    const renamed = app.findRecordsByFilter('vignettes', 'formerSlugs ~ {:q}', '', 0, 0, { q: quoted });
    for (const v of renamed) if ((readJson(v, 'formerSlugs') || []).indexOf(slug) !== -1) return v;
    return null;
  }
}

function findVignette(app, slug) {
  if (typeof slug !== 'string' || slug === '') throw new BadRequestError('Oppgi hvilken vignett du har kodet (vignette).');
  const vignette = vignetteBySlug(app, slug);
  if (!vignette) throw new NotFoundError(`Fant ingen vignett som heter «${slug}».`);
  return vignette;
}

function mastersOf(app, vignette) {
  const masters = {};
  for (const m of app.findRecordsByFilter('master_codes', 'vignette = {:v}', '', 0, 0, { v: vignette.id })) {
    masters[m.getString('dimension')] = { score: m.getInt('score'), justification: m.getString('justification') };
  }
  return masters;
}

/** Validates codes for a vignette and compares them with its master codes. */
function scoreVignette(app, vignette, rawScores) {
  const dimensions = readJson(vignette, 'dimensions');
  const checked = scoring.validateScores(rawScores, dimensions, label);
  if (checked.error) throw new BadRequestError(checked.error);
  const masters = mastersOf(app, vignette);
  for (const d of dimensions) {
    if (!masters[d]) throw new ApiError(500, `Vignetten «${vignette.getString('slug')}» mangler masterkode for ${label(d)}.`);
  }
  return { scores: checked.scores, compared: scoring.compareWithMaster(checked.scores, masters, dimensions) };
}

function saveAttempt(app, user, vignette, scores, compared, check) {
  const record = new Record(app.findCollectionByNameOrId('attempts'));
  record.set('user', user.id);
  record.set('vignette', vignette.id);
  if (check) record.set('reliability_check', check.id);
  record.set('scores', scores);
  record.set('results', compared.results);
  record.set('withinOne', compared.withinOne);
  record.set('exact', compared.exact);
  app.save(record);
  return record;
}

/**
 * A check-pool cycle is never practice material, and the vignette of an open round of the
 * learner's cohort waits until the round is over: feedback would hand over its master codes.
 */
function refuseOutsidePractice(app, user, vignette) {
  if (vignette.getString('pool') === 'check') {
    throw new ForbiddenError('Denne observasjonssyklusen hører til reliabilitetssjekken og kan ikke brukes til øving. Velg en vignett fra øvingssiden.');
  }
  const inOpenRound = 'vignette = {:v} && status = "open" && cohort.cohort_members_via_cohort.user ?= {:u}';
  const openRounds = app.findRecordsByFilter('cohort_rounds', inOpenRound, '', 1, 0, { v: vignette.id, u: user.id });
  if (openRounds.length > 0) {
    throw new ForbiddenError('Kursgruppen din koder denne vignetten i en åpen runde nå. Send kodene dine i runden; du kan øve på den når runden er avsluttet.');
  }
  require(`${__hooks}/lib/calibration.js`).refusePracticeDuringRound(app, user, vignette);
}

/** POST /api/tettpa/attempts: one practice vignette, feedback at once. */
function practice(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  const vignette = findVignette(e.app, body.vignette);
  refuseOutsidePractice(e.app, user, vignette);
  const { scores, compared } = scoreVignette(e.app, vignette, body.scores);
  const record = saveAttempt(e.app, user, vignette, scores, compared, null);
  return e.json(200, { id: record.id, vignette: vignette.getString('slug'), results: compared.results, withinOne: compared.withinOne, exact: compared.exact });
}

/**
 * The cycles the learner has met in an age group, one array of current slugs per check, most
 * recent first (a check stores slugs; a renamed cycle is found by its earlier slug).
 */
function checkHistory(app, user, ageGroup) {
  const checks = app.findRecordsByFilter('reliability_checks', 'user = {:u} && ageGroup = {:g}', '-created', 0, 0, { u: user.id, g: ageGroup });
  const current = {};
  const slugNow = (slug) => {
    if (!(slug in current)) {
      const v = vignetteBySlug(app, slug);
      current[slug] = v ? v.getString('slug') : slug;
    }
    return current[slug];
  };
  const history = checks.map((c) => (readJson(c, 'cycles') || []).map(slugNow));
  // Cycles practised before they went to the check pool: the learner has had their master codes,
  // so they count as met (before any check): drawn only once every cycle never met has been.
  const practised = app.findRecordsByFilter('attempts', 'user = {:u} && reliability_check = "" && vignette.kind = "cycle" && vignette.ageGroup = {:g}', '', 0, 0, { u: user.id, g: ageGroup });
  const practisedSlugs = [];
  for (const a of practised) {
    const v = app.findRecordById('vignettes', a.getString('vignette'));
    if (practisedSlugs.indexOf(v.getString('slug')) === -1) practisedSlugs.push(v.getString('slug'));
  }
  return practisedSlugs.length > 0 ? history.concat([practisedSlugs]) : history;
}

/** POST /api/tettpa/checks: five cycles of the age group's check pool, the least recently met first. */
function startCheck(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  if (!catalogue.dimensionsOf(body.ageGroup)) throw new BadRequestError('ageGroup må være «toddler» eller «pre-k».');
  const cycles = e.app
    .findRecordsByFilter('vignettes', 'kind = "cycle" && pool = "check" && ageGroup = {:g}', 'slug', 0, 0, { g: body.ageGroup })
    .map((v) => v.getString('slug'));
  if (cycles.length < config.CYCLES_PER_CHECK) {
    throw new BadRequestError(`Det finnes bare ${cycles.length} observasjonssykluser i sjekkpuljen for denne aldersgruppen; en reliabilitetssjekk trenger ${config.CYCLES_PER_CHECK}.`);
  }
  const drawn = scoring.drawCycles(cycles, checkHistory(e.app, user, body.ageGroup), config.CYCLES_PER_CHECK);
  const check = new Record(e.app.findCollectionByNameOrId('reliability_checks'));
  check.set('user', user.id);
  check.set('ageGroup', body.ageGroup);
  check.set('cycles', drawn);
  check.set('submitted', []);
  check.set('complete', false);
  check.set('threshold', config.passThreshold());
  e.app.save(check);
  return e.json(200, { id: check.id, ageGroup: body.ageGroup, cycles: drawn, threshold: check.getFloat('threshold') });
}

/** The learner's own check, or 404: another learner's check does not exist for them. */
function ownCheck(app, user, id) {
  let check;
  try {
    check = app.findRecordById('reliability_checks', id);
  } catch (err) {
    check = null;
  }
  if (!check || check.getString('user') !== user.id) throw new NotFoundError('Fant ikke denne reliabilitetssjekken.');
  return check;
}

function attemptsOfCheck(app, check) {
  return app.findRecordsByFilter('attempts', 'reliability_check = {:c}', 'created', 0, 0, { c: check.id });
}

function checkResult(app, check, attempts) {
  const slugs = readJson(check, 'cycles');
  const byVignette = {};
  const all = [];
  for (const a of attempts) {
    const results = readJson(a, 'results');
    byVignette[a.getString('vignette')] = { results, withinOne: a.getFloat('withinOne'), exact: a.getFloat('exact') };
    for (const r of results) all.push(r);
  }
  const summary = scoring.summarize(all);
  const threshold = check.getFloat('threshold');
  const cycles = slugs.map((slug) => {
    const v = vignetteBySlug(app, slug);
    const found = byVignette[v.id];
    return { slug, title: v.getString('title'), withinOne: found.withinOne, exact: found.exact, results: found.results };
  });
  return {
    passed: summary.withinOne >= threshold,
    threshold,
    withinOne: summary.withinOne,
    exact: summary.exact,
    weightedKappa: summary.weightedKappa,
    byDimension: summary.byDimension,
    practiseNext: scoring.practiseNext(summary.byDimension, threshold),
    cycles,
  };
}

/** POST /api/tettpa/checks/{id}/cycles/{slug}: codes for one cycle, no feedback until the last. */
function submitCycle(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  const slug = e.request.pathValue('slug');
  let response;
  e.app.runInTransaction((txApp) => {
    const check = ownCheck(txApp, user, e.request.pathValue('id'));
    const slugs = readJson(check, 'cycles');
    if (slugs.indexOf(slug) === -1) throw new NotFoundError(`Syklusen «${slug}» hører ikke til denne reliabilitetssjekken.`);
    if (check.getBool('complete')) throw new BadRequestError('Denne reliabilitetssjekken er allerede fullført.');
    const vignette = findVignette(txApp, slug);
    const done = attemptsOfCheck(txApp, check);
    if (done.some((a) => a.getString('vignette') === vignette.id)) {
      throw new BadRequestError('Du har allerede levert kodene for denne syklusen. En levering kan ikke endres.');
    }
    const { scores, compared } = scoreVignette(txApp, vignette, body.scores);
    saveAttempt(txApp, user, vignette, scores, compared, check);
    const submitted = done.length + 1;
    const complete = submitted === slugs.length;
    check.set('submitted', (readJson(check, 'submitted') || []).concat([slug]));
    if (complete) {
      const result = checkResult(txApp, check, attemptsOfCheck(txApp, check));
      check.set('complete', true);
      check.set('passed', result.passed);
      check.set('result', result);
      check.set('completedAt', new Date().toISOString());
    }
    txApp.save(check);
    response = { submitted, total: slugs.length, complete };
  });
  return e.json(200, response);
}

/**
 * GET /api/tettpa/checks/{id}/cycles/{slug}: the text of one cycle of the learner's own open
 * check. Check-pool texts are not on the site; this is the only way to read one.
 */
function cycleText(e) {
  const user = requireUser(e);
  const check = ownCheck(e.app, user, e.request.pathValue('id'));
  const slug = e.request.pathValue('slug');
  if (readJson(check, 'cycles').indexOf(slug) === -1) throw new NotFoundError(`Syklusen «${slug}» hører ikke til denne reliabilitetssjekken.`);
  if (check.getBool('complete')) throw new ForbiddenError('Denne reliabilitetssjekken er fullført; syklusene i den vises ikke lenger.');
  const vignette = findVignette(e.app, slug);
  const paragraphs = vignette
    .getString('checkText')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0) throw new ApiError(500, `Syklusen «${slug}» mangler tekst i databasen. Start serveren på nytt, så legges den inn.`);
  return e.json(200, { slug, title: vignette.getString('title'), paragraphs });
}

/** GET /api/tettpa/checks/{id}: the result, only once every cycle is in. */
function getCheck(e) {
  const user = requireUser(e);
  const check = ownCheck(e.app, user, e.request.pathValue('id'));
  if (!check.getBool('complete')) {
    const submitted = attemptsOfCheck(e.app, check).length;
    throw new ForbiddenError(`Resultatet vises først når alle syklusene er levert (${submitted} av ${readJson(check, 'cycles').length} levert).`);
  }
  return e.json(200, Object.assign({ id: check.id, ageGroup: check.getString('ageGroup'), complete: true, completedAt: check.getString('completedAt') }, readJson(check, 'result')));
}

/** Attempts that count for the learner: practice, and the cycles of completed checks. */
function countedAttempts(app, user) {
  return app.findRecordsByFilter('attempts', 'user = {:u} && (reliability_check = "" || reliability_check.complete = true)', 'created', 0, 0, { u: user.id });
}

/** GET /api/tettpa/me/stats */
function myStats(e) {
  const user = requireUser(e);
  const attempts = countedAttempts(e.app, user);
  const results = [];
  for (const a of attempts) for (const r of readJson(a, 'results')) results.push(r);
  const summary = scoring.summarize(results);
  return e.json(200, {
    attempts: attempts.length,
    codes: summary.codes,
    withinOne: summary.withinOne,
    exact: summary.exact,
    weightedKappa: summary.weightedKappa,
    byDimension: summary.byDimension,
  });
}

module.exports = { practice, startCheck, submitCycle, cycleText, getCheck, myStats };
