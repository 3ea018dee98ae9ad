// Kodepanel: an admin puts vignettes up for panel coding, certified observers code them blind,
// and when the panel closes its codes are set beside the master codes. Panel codes are never
// practice: no feedback, no master code, and nobody (admin included) sees a single person's codes;
// the result holds counts and sorted codes per dimension only, and only once the panel is closed.
const scoring = require(`${__hooks}/lib/scoring.js`);
const catalogue = require(`${__hooks}/lib/catalogue.js`);
const { requireUser, jsonBody, readJson } = require(`${__hooks}/lib/http.js`);

/** With fewer coders on a vignette, its codes would all but name the coders to each other. */
const MIN_CODERS = 3;
/** As many as the panels collection's relation holds. */
const MAX_VIGNETTES = 200;

const label = (key) => {
  const d = catalogue.dimension(key);
  return d ? d.nb : key;
};

const isAdmin = (user) => user.getString('role') === 'admin';

/** A certified observer: certified_until lies in the future. */
function isCertified(user) {
  const until = user.getString('certified_until');
  return until !== '' && new Date(until.replace(' ', 'T')).getTime() > Date.now();
}

function requireAdmin(e) {
  const user = requireUser(e);
  if (!isAdmin(user)) throw new ForbiddenError('Bare Kompetanseteam barnehage kan styre kodepanelene.');
  return user;
}

function findPanel(app, id) {
  try {
    return app.findRecordById('panels', id);
  } catch (err) {
    throw new NotFoundError('Fant ikke kodepanelet.');
  }
}

function mastersOf(app, vignetteId) {
  const masters = {};
  for (const m of app.findRecordsByFilter('master_codes', 'vignette = {:v}', '', 0, 0, { v: vignetteId })) {
    masters[m.getString('dimension')] = { score: m.getInt('score'), justification: m.getString('justification') };
  }
  return masters;
}

function codesOf(app, panel) {
  return app.findRecordsByFilter('panel_codes', 'panel = {:p}', 'created', 0, 0, { p: panel.id });
}

function hasCoded(app, panel, user) {
  return app.findRecordsByFilter('panel_codes', 'panel = {:p} && user = {:u}', '', 1, 0, { p: panel.id, u: user.id }).length > 0;
}

function panelVignettes(app, panel) {
  const ids = panel.getStringSlice('vignettes');
  const byId = {};
  for (const v of app.findRecordsByIds('vignettes', ids)) byId[v.id] = v;
  return ids.filter((id) => byId[id]).map((id) => byId[id]);
}

function summaryOf(app, panel, user) {
  const codes = codesOf(app, panel);
  const coders = {};
  const mine = {};
  for (const c of codes) {
    coders[c.getString('user')] = true;
    if (user && c.getString('user') === user.id) mine[c.getString('vignette')] = true;
  }
  return {
    id: panel.id,
    name: panel.getString('name'),
    status: panel.getString('status'),
    created: panel.getString('created'),
    closedAt: panel.getString('closedAt'),
    coders: Object.keys(coders).length,
    vignettes: panelVignettes(app, panel).map((v) => ({
      slug: v.getString('slug'),
      title: v.getString('title'),
      ageGroup: v.getString('ageGroup'),
      dimensions: readJson(v, 'dimensions'),
      coded: !!mine[v.id],
    })),
  };
}

/**
 * GET /api/tettpa/panels: admin gets every panel; a certified observer the open panels and the
 * closed ones they coded (with which of its vignettes they have coded); anyone else the closed
 * panels they coded while certified. Counts only: never a code.
 */
function list(e) {
  const user = requireUser(e);
  const admin = isAdmin(user);
  const certified = isCertified(user);
  const panels = e.app.findRecordsByFilter('panels', '', '-created', 0, 0).filter((p) => {
    if (admin) return true;
    if (p.getString('status') === 'open') return certified;
    return hasCoded(e.app, p, user);
  });
  return e.json(200, { admin, certified, panels: panels.map((p) => summaryOf(e.app, p, user)) });
}

/** POST /api/tettpa/panels {name, vignettes: [slug]}: admin opens a panel. */
function create(e) {
  requireAdmin(e);
  const body = jsonBody(e);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (name.length < 2 || name.length > 120) throw new BadRequestError('Gi kodepanelet et navn på 2 til 120 tegn.');
  if (!Array.isArray(body.vignettes) || body.vignettes.length === 0) throw new BadRequestError('Velg minst én vignett til kodepanelet.');
  if (body.vignettes.length > MAX_VIGNETTES) throw new BadRequestError(`Et kodepanel kan ha høyst ${MAX_VIGNETTES} vignetter.`);
  const ids = [];
  for (const slug of body.vignettes) {
    if (typeof slug !== 'string' || slug === '') throw new BadRequestError('Vignettene må oppgis med navnet sitt (slug).');
    let v;
    try {
      v = e.app.findFirstRecordByData('vignettes', 'slug', slug);
    } catch (err) {
      throw new BadRequestError(`Fant ingen vignett som heter «${slug}».`);
    }
    // The panel sees the master codes when it closes: a check-pool cycle's must stay unseen.
    if (v.getString('pool') === 'check') throw new BadRequestError(`«${slug}» hører til reliabilitetssjekken og kan ikke legges ut til kodepanel.`);
    const masters = mastersOf(e.app, v.id);
    const missing = readJson(v, 'dimensions').filter((d) => !masters[d]);
    if (missing.length > 0) throw new BadRequestError(`«${slug}» mangler masterkode for ${missing.map(label).join(', ')}.`);
    if (ids.indexOf(v.id) !== -1) throw new BadRequestError(`«${slug}» er valgt to ganger.`);
    ids.push(v.id);
  }
  const panel = new Record(e.app.findCollectionByNameOrId('panels'));
  panel.set('name', name);
  panel.set('vignettes', ids);
  panel.set('status', 'open');
  e.app.save(panel);
  return e.json(200, summaryOf(e.app, panel, null));
}

/** POST /api/tettpa/panels/{id}/codes {vignette, scores}: one certified observer's codes, once, blind. */
function submitCodes(e) {
  const user = requireUser(e);
  const body = jsonBody(e);
  let response;
  e.app.runInTransaction((txApp) => {
    const panel = findPanel(txApp, e.request.pathValue('id'));
    if (!isCertified(user)) {
      throw new ForbiddenError('Bare sertifiserte observatører kan kode i kodepanelet, og sertifiseringen din gjelder ikke nå.');
    }
    if (panel.getString('status') !== 'open') throw new BadRequestError('Kodepanelet er lukket; koder kan ikke lenger sendes inn.');
    if (typeof body.vignette !== 'string' || body.vignette === '') throw new BadRequestError('Oppgi hvilken vignett du har kodet (vignette).');
    const vignette = panelVignettes(txApp, panel).find((v) => v.getString('slug') === body.vignette);
    if (!vignette) throw new BadRequestError(`Vignetten «${body.vignette}» er ikke med i dette kodepanelet.`);
    const taken = 'panel = {:p} && vignette = {:v} && user = {:u}';
    if (txApp.findRecordsByFilter('panel_codes', taken, '', 1, 0, { p: panel.id, v: vignette.id, u: user.id }).length > 0) {
      throw new BadRequestError('Du har allerede sendt inn kodene dine for denne vignetten. En levering kan ikke endres.');
    }
    // Practice feedback shows the master codes: after it, a panel code would not be blind.
    if (txApp.findRecordsByFilter('attempts', 'user = {:u} && vignette = {:v}', '', 1, 0, { u: user.id, v: vignette.id }).length > 0) {
      throw new BadRequestError('Du har øvd på denne vignetten og sett masterkodene, så koden din ville ikke vært blind. Kod de andre vignettene i panelet.');
    }
    const checked = scoring.validateScores(body.scores, readJson(vignette, 'dimensions'), label);
    if (checked.error) throw new BadRequestError(checked.error);
    const record = new Record(txApp.findCollectionByNameOrId('panel_codes'));
    record.set('panel', panel.id);
    record.set('vignette', vignette.id);
    record.set('user', user.id);
    record.set('scores', checked.scores);
    txApp.save(record);
    const done = txApp.findRecordsByFilter('panel_codes', 'panel = {:p} && user = {:u}', '', 0, 0, { p: panel.id, u: user.id }).length;
    // No feedback: how far the coder has come, nothing about the codes.
    response = { coded: done, total: panel.getStringSlice('vignettes').length };
  });
  return e.json(200, response);
}

/** The anonymous result of a panel: per vignette the sorted codes beside the master code. */
function computeResult(app, panel) {
  const byVignette = {};
  const users = {};
  for (const c of codesOf(app, panel)) {
    (byVignette[c.getString('vignette')] = byVignette[c.getString('vignette')] || []).push(readJson(c, 'scores'));
    users[c.getString('user')] = true;
  }
  const counted = [];
  const vignettes = panelVignettes(app, panel).map((v) => {
    const slug = v.getString('slug');
    const dimensions = readJson(v, 'dimensions');
    const scores = byVignette[v.id] || [];
    const base = { slug, title: v.getString('title'), kind: v.getString('kind'), ageGroup: v.getString('ageGroup'), coders: scores.length };
    if (scores.length < MIN_CODERS) return Object.assign(base, { shown: false });
    const masters = mastersOf(app, v.id);
    const codings = scores.map((s) => ({ slug, kind: base.kind, dimensions, masters, scores: s }));
    for (const c of codings) counted.push(c);
    const summary = scoring.agreementWithMaster(codings);
    return Object.assign(base, {
      shown: true,
      withinOne: summary.withinOne,
      exact: summary.exact,
      weightedKappa: summary.weightedKappa,
      byDimension: summary.byDimension,
      // Each dimension's codes sorted on their own, so that no row of codes can be followed
      // across dimensions back to one coder.
      dimensions: dimensions.map((d) => ({
        dimension: d,
        master: masters[d].score,
        justification: masters[d].justification,
        codes: scores.map((s) => s[d]).sort((a, b) => a - b),
      })),
      apart: summary.disagreements.map((x) => ({ dimension: x.dimension, master: x.master, code: x.second })),
      reasons: scoring.panelVerdict(summary, scores.length),
    });
  });
  const overall = scoring.agreementWithMaster(counted);
  delete overall.disagreements;
  return { coders: Object.keys(users).length, minCoders: MIN_CODERS, threshold: scoring.PANEL_WITHIN_ONE, overall, vignettes };
}

/** POST /api/tettpa/panels/{id}/close: admin closes the panel; its result is fixed from now on. */
function close(e) {
  requireAdmin(e);
  let response;
  e.app.runInTransaction((txApp) => {
    const panel = findPanel(txApp, e.request.pathValue('id'));
    if (panel.getString('status') !== 'closed') {
      panel.set('result', computeResult(txApp, panel));
      panel.set('status', 'closed');
      panel.set('closedAt', new Date().toISOString());
      txApp.save(panel);
    }
    response = { id: panel.id, status: 'closed', closedAt: panel.getString('closedAt') };
  });
  return e.json(200, response);
}

/**
 * GET /api/tettpa/panels/{id}/result: for admin and the panel's own coders, once it is closed.
 * Before that nobody sees anything of the codes but how many have coded.
 */
function result(e) {
  const user = requireUser(e);
  const panel = findPanel(e.app, e.request.pathValue('id'));
  if (!isAdmin(user) && !hasCoded(e.app, panel, user)) throw new NotFoundError('Fant ikke kodepanelet.');
  if (panel.getString('status') !== 'closed') {
    throw new ForbiddenError('Resultatet av kodepanelet vises først når panelet er lukket. Til da ser ingen kodene, heller ikke Kompetanseteam barnehage.');
  }
  return e.json(200, Object.assign({ id: panel.id, name: panel.getString('name'), status: 'closed', closedAt: panel.getString('closedAt') }, readJson(panel, 'result')));
}

/**
 * The latest closed panel's result for each vignette it showed (enough coders), newest first.
 * A result counts only while the vignette's master codes are still the ones the panel saw: once
 * the content team changes the file, the old panel no longer vouches for the new codes.
 */
function latestVerdicts(app) {
  const seen = {};
  const current = {};
  const verdicts = [];
  const unchanged = (v) => {
    if (!(v.slug in current)) {
      let record = null;
      try {
        record = app.findFirstRecordByData('vignettes', 'slug', v.slug);
      } catch (err) {
        record = null;
      }
      current[v.slug] = record ? mastersOf(app, record.id) : {};
    }
    return v.dimensions.every((d) => current[v.slug][d.dimension] && current[v.slug][d.dimension].score === d.master);
  };
  for (const panel of app.findRecordsByFilter('panels', 'status = "closed"', '-closedAt', 0, 0)) {
    const stored = readJson(panel, 'result');
    for (const v of (stored && stored.vignettes) || []) {
      if (!v.shown || seen[v.slug] || !unchanged(v)) continue;
      seen[v.slug] = true;
      verdicts.push({ panel: { id: panel.id, name: panel.getString('name'), closedAt: panel.getString('closedAt') }, vignette: v });
    }
  }
  return verdicts;
}

/** GET /api/tettpa/vignettes/{slug}/validation: the line learners see on the vignette's page. */
function validation(e) {
  const slug = e.request.pathValue('slug');
  const found = latestVerdicts(e.app).find((x) => x.vignette.slug === slug);
  if (!found) return e.json(200, { slug, validated: false });
  return e.json(200, { slug, validated: true, observers: found.vignette.coders, withinOne: found.vignette.withinOne, exact: found.vignette.exact, closedAt: found.panel.closedAt });
}

/** GET /api/tettpa/panels/disagreements: admin's list, for the content team, of vignettes a panel disagrees with. */
function disagreements(e) {
  requireAdmin(e);
  const vignettes = latestVerdicts(e.app)
    .filter((x) => x.vignette.reasons.length > 0)
    .map((x) => ({
      slug: x.vignette.slug,
      title: x.vignette.title,
      panel: x.panel,
      coders: x.vignette.coders,
      withinOne: x.vignette.withinOne,
      reasons: x.vignette.reasons,
      apart: x.vignette.apart,
    }));
  return e.json(200, { threshold: scoring.PANEL_WITHIN_ONE, vignettes });
}

module.exports = { list, create, submitCodes, close, result, validation, disagreements, MIN_CODERS };
