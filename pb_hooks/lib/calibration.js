// Calibration rounds in the styrer networks (issue 14). A network's leader (or admin) opens a
// round on a practice cycle; the network's certified observers code it once each, blind. The
// codes are read here only, and leave the server only as the caller's own codes and as counts of
// the whole network, after the round has closed.
const catalogue = require(`${__hooks}/lib/catalogue.js`);
const scoring = require(`${__hooks}/lib/scoring.js`);
const stats = require(`${__hooks}/lib/calibration-stats.js`);
const { requireUser, jsonBody, readJson } = require(`${__hooks}/lib/http.js`);

const MAX_DAYS_OPEN = 90;

const label = (key) => {
  const d = catalogue.dimension(key);
  return d ? d.nb : key;
};

const nowUnix = () => Math.floor(Date.now() / 1000);

function isAdmin(user) {
  return user.getString('role') === 'admin';
}

/** Certified: certified_until lies in the future. */
function isCertified(user) {
  const until = user.getDateTime('certified_until');
  return !until.isZero() && until.unix() > nowUnix();
}

/** The network of the user's kindergarten, or '' when there is none. */
function networkIdOf(app, user) {
  const barnehage = user.getString('barnehage');
  if (!barnehage) return '';
  try {
    return app.findRecordById('barnehager', barnehage).getString('nettverk');
  } catch (err) {
    return '';
  }
}

function leads(user, network) {
  return isAdmin(user) || network.getStringSlice('leaders').indexOf(user.id) !== -1;
}

function isClosed(round) {
  if (!round.getDateTime('closedAt').isZero()) return true;
  return round.getDateTime('closesAt').unix() <= nowUnix();
}

function findNetwork(app, id) {
  try {
    return app.findRecordById('nettverk', String(id || ''));
  } catch (err) {
    throw new NotFoundError('Fant ikke nettverket.');
  }
}

function findRound(app, id) {
  try {
    return app.findRecordById('calibration_rounds', id);
  } catch (err) {
    throw new NotFoundError('Fant ikke kalibreringsrunden.');
  }
}

function codesOf(app, round) {
  return app.findRecordsByFilter('calibration_codes', 'round = {:r}', '', 0, 0, { r: round.id });
}

function myCodes(app, round, user) {
  const rows = app.findRecordsByFilter('calibration_codes', 'round = {:r} && user = {:u}', '', 1, 0, { r: round.id, u: user.id });
  return rows.length > 0 ? readJson(rows[0], 'scores') : null;
}

/** Certified observers in the network's kindergartens: how many could take part. */
function observerCount(app, network) {
  const now = new Date().toISOString().replace('T', ' ');
  return app.findRecordsByFilter('users', 'certified_until > {:now} && barnehage.nettverk = {:n}', '', 0, 0, { now, n: network.id }).length;
}

function summary(app, round) {
  const vignette = app.findRecordById('vignettes', round.getString('vignette'));
  return {
    id: round.id,
    nettverk: round.getString('nettverk'),
    vignette: { slug: vignette.getString('slug'), title: vignette.getString('title'), ageGroup: vignette.getString('ageGroup'), dimensions: readJson(vignette, 'dimensions') || [] },
    opened: round.getString('created'),
    closesAt: round.getString('closesAt'),
    closedAt: round.getString('closedAt') || null,
    closed: isClosed(round),
    submitted: round.getInt('submitted'),
  };
}

/** Who the caller is to a round: leader, observer of its network, participant; 404 for strangers. */
function relationTo(app, user, round) {
  const network = findNetwork(app, round.getString('nettverk'));
  const leader = leads(user, network);
  const inNetwork = networkIdOf(app, user) === network.id;
  const mine = myCodes(app, round, user);
  const observer = inNetwork && isCertified(user);
  if (!leader && !observer && !mine) throw new NotFoundError('Fant ikke kalibreringsrunden.');
  return { network, leader, inNetwork, observer, mine };
}

/** GET /api/tettpa/calibration: the caller's networks to lead and rounds to code or read. */
function overview(e) {
  const user = requireUser(e);
  const app = e.app;
  const led = isAdmin(user)
    ? app.findRecordsByFilter('nettverk', '', 'name', 0, 0)
    : app.findRecordsByFilter('nettverk', 'leaders.id ?= {:u}', 'name', 0, 0, { u: user.id });
  const leadsOut = led.map((network) => ({
    id: network.id,
    name: network.getString('name'),
    observers: observerCount(app, network),
    rounds: app.findRecordsByFilter('calibration_rounds', 'nettverk = {:n}', '-created', 0, 0, { n: network.id }).map((r) => summary(app, r)),
  }));

  const ownNetworkId = networkIdOf(app, user);
  const certified = isCertified(user);
  const seen = {};
  const rounds = [];
  const add = (round) => {
    if (seen[round.id]) return;
    seen[round.id] = true;
    rounds.push(Object.assign(summary(app, round), { mine: myCodes(app, round, user) !== null }));
  };
  if (ownNetworkId && certified) {
    for (const r of app.findRecordsByFilter('calibration_rounds', 'nettverk = {:n}', '-created', 0, 0, { n: ownNetworkId })) add(r);
  }
  // Rounds the caller coded stay theirs to read, also after moving or when the certification lapses.
  for (const c of app.findRecordsByFilter('calibration_codes', 'user = {:u}', '-created', 0, 0, { u: user.id })) add(findRound(app, c.getString('round')));
  rounds.sort((a, b) => (a.opened < b.opened ? 1 : -1));

  let network = null;
  if (ownNetworkId) {
    try {
      network = { id: ownNetworkId, name: app.findRecordById('nettverk', ownNetworkId).getString('name') };
    } catch (err) {
      network = null;
    }
  }
  return e.json(200, { certified, certifiedUntil: user.getString('certified_until') || null, network, leads: leadsOut, rounds });
}

/** closesAt from the request: a time in the future, at most MAX_DAYS_OPEN days ahead. */
function parseClosesAt(raw) {
  const when = typeof raw === 'string' && raw.trim() ? new Date(raw.trim()) : null;
  if (!when || isNaN(when.getTime())) throw new BadRequestError('Oppgi når runden skal lukkes (closesAt), som dato og klokkeslett.');
  if (when.getTime() <= Date.now()) throw new BadRequestError('Tidspunktet runden lukkes må ligge fram i tid.');
  if (when.getTime() > Date.now() + MAX_DAYS_OPEN * 86400000) throw new BadRequestError(`En kalibreringsrunde kan være åpen i høyst ${MAX_DAYS_OPEN} dager.`);
  return when.toISOString().replace('T', ' ');
}

/** POST /api/tettpa/calibration/rounds {nettverk, vignette, closesAt} */
function openRound(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  let response;
  e.app.runInTransaction((app) => {
    if (typeof body.nettverk !== 'string' || !body.nettverk) throw new BadRequestError('Velg hvilket nettverk runden gjelder (nettverk).');
    const network = findNetwork(app, body.nettverk);
    if (!leads(user, network)) throw new ForbiddenError(`Bare lederne av nettverket «${network.getString('name')}» kan åpne kalibreringsrunder der.`);
    if (typeof body.vignette !== 'string' || !body.vignette) throw new BadRequestError('Velg hvilken observasjonssyklus nettverket skal kode (vignette).');
    let vignette;
    try {
      vignette = app.findFirstRecordByData('vignettes', 'slug', body.vignette);
    } catch (err) {
      throw new NotFoundError(`Fant ingen vignett som heter «${body.vignette}».`);
    }
    // A round ends by showing the master codes: never for a cycle of the reliability check.
    if (vignette.getString('pool') === 'check') {
      throw new BadRequestError(`«${vignette.getString('title')}» hører til reliabilitetssjekken og kan ikke brukes i en kalibreringsrunde. Velg en syklus fra øvingsbanken.`);
    }
    if (vignette.getString('kind') !== 'cycle') {
      throw new BadRequestError('En kalibreringsrunde gjelder en hel observasjonssyklus, ikke en kort vignett.');
    }
    const closesAt = parseClosesAt(body.closesAt);
    for (const r of app.findRecordsByFilter('calibration_rounds', 'nettverk = {:n} && closedAt = ""', '', 0, 0, { n: network.id })) {
      if (!isClosed(r)) throw new ApiError(409, 'Nettverket har allerede en åpen kalibreringsrunde. Lukk den før du åpner en ny.');
    }
    const round = new Record(app.findCollectionByNameOrId('calibration_rounds'));
    round.set('nettverk', network.id);
    round.set('vignette', vignette.id);
    round.set('openedBy', user.id);
    round.set('closesAt', closesAt);
    round.set('submitted', 0);
    app.save(round);
    response = summary(app, round);
  });
  return e.json(200, response);
}

/** GET /api/tettpa/calibration/rounds/{id}: the round as the caller may see it (no codes but a yes/no of their own). */
function getRound(e) {
  const user = requireUser(e);
  const round = findRound(e.app, e.request.pathValue('id'));
  const rel = relationTo(e.app, user, round);
  const closed = isClosed(round);
  return e.json(
    200,
    Object.assign(summary(e.app, round), {
      networkName: rel.network.getString('name'),
      observers: observerCount(e.app, rel.network),
      leads: rel.leader,
      mine: rel.mine !== null,
      canCode: !closed && rel.observer && rel.mine === null,
    }),
  );
}

/** POST /api/tettpa/calibration/rounds/{id}/codes {scores}: once per observer, while the round is open. */
function submitCodes(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  let response;
  e.app.runInTransaction((app) => {
    const round = findRound(app, e.request.pathValue('id'));
    const network = findNetwork(app, round.getString('nettverk'));
    if (networkIdOf(app, user) !== network.id) {
      throw new ForbiddenError(`Runden hører til nettverket «${network.getString('name')}», og barnehagen din er ikke med i det. Bare sertifiserte observatører i nettverkets barnehager koder i runden.`);
    }
    if (!isCertified(user)) {
      throw new ForbiddenError('Bare sertifiserte CLASS-observatører med gyldig sertifisering kan delta i en kalibreringsrunde.');
    }
    if (isClosed(round)) throw new BadRequestError('Kalibreringsrunden er lukket. Koder kan ikke lenger sendes inn.');
    if (myCodes(app, round, user) !== null) throw new ApiError(409, 'Du har allerede sendt inn kodene dine i denne runden. De kan ikke endres.');
    const vignette = app.findRecordById('vignettes', round.getString('vignette'));
    const checked = scoring.validateScores(body.scores, readJson(vignette, 'dimensions') || [], label);
    if (checked.error) throw new BadRequestError(checked.error);
    const codes = new Record(app.findCollectionByNameOrId('calibration_codes'));
    codes.set('round', round.id);
    codes.set('user', user.id);
    codes.set('scores', checked.scores);
    app.save(codes);
    round.set('submitted', round.getInt('submitted') + 1);
    app.save(round);
    response = { submitted: true };
  });
  return e.json(200, response);
}

/** POST /api/tettpa/calibration/rounds/{id}/close: a leader closes the round before its time. */
function closeRound(e) {
  const user = requireUser(e);
  const round = findRound(e.app, e.request.pathValue('id'));
  const network = findNetwork(e.app, round.getString('nettverk'));
  if (!leads(user, network)) throw new ForbiddenError(`Bare lederne av nettverket «${network.getString('name')}» kan lukke runden.`);
  if (!isClosed(round)) {
    round.set('closedAt', new Date().toISOString().replace('T', ' '));
    e.app.save(round);
  }
  return e.json(200, summary(e.app, round));
}

function mastersOf(app, vignetteId) {
  const masters = {};
  const justifications = {};
  for (const m of app.findRecordsByFilter('master_codes', 'vignette = {:v}', '', 0, 0, { v: vignetteId })) {
    masters[m.getString('dimension')] = m.getInt('score');
    justifications[m.getString('dimension')] = m.getString('justification');
  }
  return { masters, justifications };
}

function aggregateOf(app, round) {
  const vignette = app.findRecordById('vignettes', round.getString('vignette'));
  const dimensions = readJson(vignette, 'dimensions') || [];
  const { masters, justifications } = mastersOf(app, vignette.id);
  const codeSets = codesOf(app, round).map((c) => readJson(c, 'scores'));
  return { vignette, dimensions, justifications, aggregate: stats.aggregateRound(codeSets, masters, dimensions) };
}

/** GET /api/tettpa/calibration/rounds/{id}/result: after closing, to participants and leaders. */
function result(e) {
  const user = requireUser(e);
  const app = e.app;
  const round = findRound(app, e.request.pathValue('id'));
  const rel = relationTo(app, user, round);
  if (!isClosed(round)) throw new ForbiddenError('Resultatet vises når kalibreringsrunden er lukket.');
  if (!rel.leader && rel.mine === null) throw new ForbiddenError('Resultatet av runden vises bare for dem som kodet i den og for nettverkets ledere.');
  const { vignette, dimensions, justifications, aggregate } = aggregateOf(app, round);

  // The network's agreement in this round and every closed round before it.
  const history = [];
  for (const r of app.findRecordsByFilter('calibration_rounds', 'nettverk = {:n} && created <= {:c}', 'created', 0, 0, { n: rel.network.id, c: round.getString('created') })) {
    if (!isClosed(r)) continue;
    const earlier = r.id === round.id ? { vignette, aggregate } : aggregateOf(app, r);
    history.push({
      id: r.id,
      title: earlier.vignette.getString('title'),
      closedAt: r.getString('closedAt') || r.getString('closesAt'),
      participants: earlier.aggregate.participants,
      agreement: earlier.aggregate.agreement,
    });
  }
  return e.json(200, {
    id: round.id,
    networkName: rel.network.getString('name'),
    vignette: { slug: vignette.getString('slug'), title: vignette.getString('title') },
    closedAt: round.getString('closedAt') || round.getString('closesAt'),
    participants: aggregate.participants,
    minParticipants: stats.MIN_PARTICIPANTS,
    shown: aggregate.shown,
    agreement: aggregate.agreement,
    dimensions: aggregate.dimensions.map((d) => ({
      dimension: d.dimension,
      master: d.master,
      justification: justifications[d.dimension] || '',
      distribution: d.distribution,
      mine: rel.mine ? rel.mine[d.dimension] : null,
    })),
    history,
  });
}

/**
 * Practice on a cycle hands over its master codes: while the caller's network codes it in an open
 * calibration round, the practice route waits until the round has closed.
 */
function refusePracticeDuringRound(app, user, vignette) {
  const network = networkIdOf(app, user);
  if (!network) return;
  const now = new Date().toISOString().replace('T', ' ');
  const open = app.findRecordsByFilter('calibration_rounds', 'nettverk = {:n} && vignette = {:v} && closedAt = "" && closesAt > {:now}', '', 1, 0, { n: network, v: vignette.id, now });
  if (open.length > 0) {
    throw new ForbiddenError('Nettverket ditt koder denne syklusen i en åpen kalibreringsrunde nå. Du kan øve på den når runden er lukket.');
  }
}

/** Network leaders must be styrere (or admins): checked however the network is saved. */
function checkLeaders(app, network) {
  for (const id of network.getStringSlice('leaders')) {
    let leader;
    try {
      leader = app.findRecordById('users', id);
    } catch (err) {
      throw new BadRequestError('En av lederne finnes ikke.');
    }
    const role = leader.getString('role');
    if (role !== 'styrer' && role !== 'admin') {
      throw new BadRequestError(`Bare styrere kan lede et nettverk: ${leader.getString('name') || leader.email()} er ikke styrer.`);
    }
  }
}

module.exports = { overview, openRound, getRound, submitCodes, closeRound, result, checkLeaders, refusePracticeDuringRound };
