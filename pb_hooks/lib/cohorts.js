// Cohorts of the two-day course and their live coding rounds. Only the cohort's leader opens and
// reveals a round; participants see only their own cohort; nothing of the master code leaves the
// server before the reveal, and the group's codes are shown only as counts.
const scoring = require(`${__hooks}/lib/scoring.js`);
const catalogue = require(`${__hooks}/lib/catalogue.js`);
const { requireUser, jsonBody, readJson } = require(`${__hooks}/lib/http.js`);

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DEFAULT_CAPACITY = 25;

function label(key) {
  const d = catalogue.dimension(key);
  return d ? d.nb : key;
}

/** A join code nobody else has: six characters without look-alikes (no 0/O, 1/I). */
function newJoinCode(app) {
  for (let i = 0; i < 20; i++) {
    const code = $security.randomStringWithAlphabet(6, CODE_ALPHABET);
    try {
      app.findFirstRecordByData('cohorts', 'code', code);
    } catch (err) {
      return code;
    }
  }
  throw new ApiError(500, 'Klarte ikke å lage en ledig kode for kursgruppen. Prøv igjen.');
}

function findCohort(app, id) {
  try {
    return app.findRecordById('cohorts', id);
  } catch (err) {
    throw new NotFoundError('Fant ikke kursgruppen.');
  }
}

function isMember(app, cohort, user) {
  return app.findRecordsByFilter('cohort_members', 'cohort = {:c} && user = {:u}', '', 1, 0, { c: cohort.id, u: user.id }).length > 0;
}

function memberCount(app, cohort) {
  return app.findRecordsByFilter('cohort_members', 'cohort = {:c}', '', 0, 0, { c: cohort.id }).length;
}

/** The round, with its cohort, if the caller is its leader or a member; otherwise 404. */
function roundFor(app, user, id) {
  let round;
  try {
    round = app.findRecordById('cohort_rounds', id);
  } catch (err) {
    throw new NotFoundError('Fant ikke kodingsrunden.');
  }
  const cohort = findCohort(app, round.getString('cohort'));
  const leader = cohort.getString('leader') === user.id;
  if (!leader && !isMember(app, cohort, user)) throw new NotFoundError('Fant ikke kodingsrunden.');
  return { round, cohort, leader };
}

function cohortSummary(app, cohort) {
  return {
    id: cohort.id,
    name: cohort.getString('name'),
    place: cohort.getString('place'),
    day1: cohort.getString('day1'),
    day2: cohort.getString('day2'),
    capacity: cohort.getInt('capacity'),
    members: memberCount(app, cohort),
  };
}

/** POST /api/tettpa/cohorts/join {code} */
function join(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  const code = typeof body.code === 'string' ? body.code.trim().toUpperCase() : '';
  if (!code) throw new BadRequestError('Skriv inn koden du har fått av kurslederen.');
  let response;
  // Six characters from 32 can be guessed: each participant gets a few wrong codes, not thousands.
  require(`${__hooks}/lib/login-guard.js`).guardedJoin(e.app, user.id, () => e.app.runInTransaction((txApp) => {
    let cohort;
    try {
      cohort = txApp.findFirstRecordByData('cohorts', 'code', code);
    } catch (err) {
      throw new NotFoundError(`Fant ingen kursgruppe med koden ${code}. Sjekk at du har skrevet den riktig.`);
    }
    if (cohort.getString('leader') === user.id) throw new BadRequestError('Du er kursleder for denne gruppen og trenger ikke bli med som deltaker.');
    if (cohort.getBool('archived') && !isMember(txApp, cohort, user)) {
      throw new BadRequestError(`Kursgruppen «${cohort.getString('name')}» er arkivert og tar ikke imot nye deltakere.`);
    }
    if (!isMember(txApp, cohort, user)) {
      const capacity = cohort.getInt('capacity') || DEFAULT_CAPACITY;
      if (memberCount(txApp, cohort) >= capacity) {
        throw new ApiError(409, `Kursgruppen «${cohort.getString('name')}» er full: alle ${capacity} plassene er tatt. Snakk med kurslederen.`);
      }
      const member = new Record(txApp.findCollectionByNameOrId('cohort_members'));
      member.set('cohort', cohort.id);
      member.set('user', user.id);
      txApp.save(member);
    }
    response = { cohort: cohortSummary(txApp, cohort) };
  }));
  return e.json(200, response);
}

/** POST /api/tettpa/cohorts/{id}/rounds {vignette}: the leader opens a round (closing the last). */
function openRound(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  if (typeof body.vignette !== 'string' || body.vignette.trim() === '') {
    throw new BadRequestError('Velg vignetten runden skal bruke: «vignette» må være navnet (slug) på en vignett, som tekst.');
  }
  let response;
  e.app.runInTransaction((txApp) => {
    const cohort = findCohort(txApp, e.request.pathValue('id'));
    if (cohort.getString('leader') !== user.id) throw new ForbiddenError('Bare kurslederen for gruppen kan starte en kodingsrunde.');
    let vignette;
    try {
      vignette = txApp.findFirstRecordByData('vignettes', 'slug', body.vignette.trim());
    } catch (err) {
      throw new NotFoundError(`Fant ingen vignett som heter «${body.vignette}».`);
    }
    // A round reveals the master codes to the whole group: never for a cycle of the check pool.
    if (vignette.getString('pool') === 'check') {
      throw new BadRequestError('Denne observasjonssyklusen hører til reliabilitetssjekken og kan ikke brukes i en kodingsrunde.');
    }
    for (const open of txApp.findRecordsByFilter('cohort_rounds', 'cohort = {:c} && status != "closed"', '', 0, 0, { c: cohort.id })) {
      open.set('status', 'closed');
      txApp.save(open);
    }
    const round = new Record(txApp.findCollectionByNameOrId('cohort_rounds'));
    round.set('cohort', cohort.id);
    round.set('vignette', vignette.id);
    round.set('status', 'open');
    round.set('submitted', 0);
    txApp.save(round);
    response = { id: round.id, vignette: vignette.getString('slug'), status: 'open' };
  });
  return e.json(200, response);
}

/** POST /api/tettpa/rounds/{id}/codes {scores}: a participant's codes, once, while the round is open. */
function submitCodes(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  let response;
  e.app.runInTransaction((txApp) => {
    const { round, leader } = roundFor(txApp, user, e.request.pathValue('id'));
    if (leader) throw new BadRequestError('Kurslederen koder ikke selv i runden; det gjør deltakerne.');
    if (round.getString('status') !== 'open') throw new BadRequestError('Denne runden er avsluttet; koder kan ikke lenger sendes inn.');
    const vignette = txApp.findRecordById('vignettes', round.getString('vignette'));
    const checked = scoring.validateScores(body.scores, readJson(vignette, 'dimensions'), label);
    if (checked.error) throw new BadRequestError(checked.error);
    if (txApp.findRecordsByFilter('round_codes', 'round = {:r} && user = {:u}', '', 1, 0, { r: round.id, u: user.id }).length > 0) {
      throw new BadRequestError('Du har allerede sendt inn kodene dine i denne runden.');
    }
    const codes = new Record(txApp.findCollectionByNameOrId('round_codes'));
    codes.set('round', round.id);
    codes.set('user', user.id);
    codes.set('scores', checked.scores);
    txApp.save(codes);
    round.set('submitted', round.getInt('submitted') + 1);
    txApp.save(round);
    response = { submitted: round.getInt('submitted') };
  });
  return e.json(200, response);
}

/** POST /api/tettpa/rounds/{id}/reveal: the leader shows the group's codes and the master code. */
function reveal(e) {
  const user = requireUser(e);
  const { round, leader } = roundFor(e.app, user, e.request.pathValue('id'));
  if (!leader) throw new ForbiddenError('Bare kurslederen kan vise resultatet av runden.');
  if (round.getString('status') === 'open') {
    round.set('status', 'revealed');
    round.set('revealedAt', new Date().toISOString());
    e.app.save(round);
  }
  return e.json(200, { id: round.id, status: round.getString('status') });
}

/** GET /api/tettpa/rounds/{id}/result: after the reveal, the distribution beside the master code. */
function result(e) {
  const user = requireUser(e);
  const { round, cohort } = roundFor(e.app, user, e.request.pathValue('id'));
  if (round.getString('status') === 'open') throw new ForbiddenError('Resultatet vises når kurslederen viser det.');
  const vignette = e.app.findRecordById('vignettes', round.getString('vignette'));
  const dimensions = readJson(vignette, 'dimensions');
  const masters = {};
  for (const m of e.app.findRecordsByFilter('master_codes', 'vignette = {:v}', '', 0, 0, { v: vignette.id })) {
    masters[m.getString('dimension')] = { score: m.getInt('score'), justification: m.getString('justification') };
  }
  const all = e.app.findRecordsByFilter('round_codes', 'round = {:r}', '', 0, 0, { r: round.id });
  let mine = null;
  const distribution = {};
  for (const d of dimensions) distribution[d] = [0, 0, 0, 0, 0, 0, 0];
  for (const c of all) {
    const scores = readJson(c, 'scores');
    if (c.getString('user') === user.id) mine = scores;
    for (const d of dimensions) if (scores[d]) distribution[d][scores[d] - 1] += 1;
  }
  return e.json(200, {
    id: round.id,
    vignette: { slug: vignette.getString('slug'), title: vignette.getString('title') },
    submitted: all.length,
    members: memberCount(e.app, cohort),
    // Counts only: the group view is anonymous.
    dimensions: dimensions.map((d) => ({
      dimension: d,
      distribution: distribution[d],
      master: masters[d] ? masters[d].score : null,
      justification: masters[d] ? masters[d].justification : '',
    })),
    mine,
  });
}

module.exports = { newJoinCode, join, openRound, submitCodes, reveal, result, DEFAULT_CAPACITY };
