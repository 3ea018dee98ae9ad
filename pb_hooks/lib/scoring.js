// Scoring against master codes: the one implementation, shared by the hooks (PocketBase's JS
// runtime, CommonJS, no Node APIs) and the unit tests. Pure functions only.

const SCALE_MIN = 1;
const SCALE_MAX = 7;

/**
 * Checks a learner's codes. `allowed` are the dimensions of the vignette; each must be coded,
 * with an integer 1–7, and nothing else may be. Returns { scores } or { error } in Norwegian.
 */
function validateScores(input, allowed, labelOf) {
  const label = labelOf || ((k) => k);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { error: 'scores må være et objekt med en kode (1–7) per dimensjon.' };
  }
  const scores = {};
  for (const key of Object.keys(input)) {
    if (allowed.indexOf(key) === -1) {
      return { error: `«${key}» kodes ikke i denne vignetten. Gyldige dimensjoner: ${allowed.join(', ')}.` };
    }
    const value = input[key];
    if (typeof value !== 'number' || !isFinite(value) || Math.floor(value) !== value || value < SCALE_MIN || value > SCALE_MAX) {
      return { error: `Koden for ${label(key)} må være et heltall fra 1 til 7 (fikk ${JSON.stringify(value)}).` };
    }
    scores[key] = value;
  }
  const missing = allowed.filter((k) => !(k in scores));
  if (missing.length > 0) {
    return { error: `Du må kode alle dimensjonene. Mangler: ${missing.map(label).join(', ')}.` };
  }
  return { scores };
}

/** Per-dimension comparison with the master codes, in the order of `dimensions`. */
function compareWithMaster(scores, masters, dimensions) {
  const results = dimensions.map((dimension) => {
    const master = masters[dimension];
    const score = scores[dimension];
    const deviation = score - master.score;
    return {
      dimension,
      score,
      master: master.score,
      exact: deviation === 0,
      withinOne: Math.abs(deviation) <= 1,
      deviation,
      justification: master.justification,
    };
  });
  return { results, withinOne: fraction(results, 'withinOne'), exact: fraction(results, 'exact') };
}

function fraction(results, flag) {
  if (results.length === 0) return 0;
  return results.filter((r) => r[flag]).length / results.length;
}

function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Cohen's kappa with quadratic weights over the 1–7 scale: 1 − Σ w·O / Σ w·E, with
 * w = (i − j)² / (k − 1)², O the observed and E the chance-expected proportions.
 * Null when chance disagreement is zero (every code and master the same value): undefined there.
 */
function quadraticWeightedKappa(pairs) {
  const k = SCALE_MAX - SCALE_MIN + 1;
  const n = pairs.length;
  if (n === 0) return null;
  const rowTotals = new Array(k).fill(0);
  const colTotals = new Array(k).fill(0);
  let observed = 0;
  for (const [a, b] of pairs) {
    rowTotals[a - SCALE_MIN] += 1;
    colTotals[b - SCALE_MIN] += 1;
    observed += Math.pow(a - b, 2);
  }
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) expected += Math.pow(i - j, 2) * rowTotals[i] * colTotals[j];
  }
  // Weights share the factor 1/(k−1)² and E carries 1/n² against O's 1/n: both cancel to this.
  if (expected === 0) return null;
  return 1 - (observed * n) / expected;
}

/** Agreement over many compared codes: overall, per dimension (with bias), and kappa. */
function summarize(results) {
  const byDimension = {};
  for (const r of results) {
    (byDimension[r.dimension] = byDimension[r.dimension] || []).push(r);
  }
  const perDimension = {};
  for (const key of Object.keys(byDimension)) {
    const rows = byDimension[key];
    perDimension[key] = {
      codes: rows.length,
      withinOne: fraction(rows, 'withinOne'),
      exact: fraction(rows, 'exact'),
      bias: mean(rows.map((r) => r.deviation)),
    };
  }
  return {
    codes: results.length,
    withinOne: fraction(results, 'withinOne'),
    exact: fraction(results, 'exact'),
    weightedKappa: quadraticWeightedKappa(results.map((r) => [r.score, r.master])),
    byDimension: perDimension,
  };
}

/** The dimensions to practise next: below the threshold, weakest first. */
function practiseNext(byDimension, threshold) {
  return Object.keys(byDimension)
    .filter((key) => byDimension[key].withinOne < threshold)
    .sort((a, b) => byDimension[a].withinOne - byDimension[b].withinOne || Math.abs(byDimension[b].bias) - Math.abs(byDimension[a].bias));
}

/**
 * Draws `count` cycles of a check pool. `history` lists the cycles of the learner's earlier
 * checks, one array per check, most recent check first. Cycles never met come first, then those
 * met longest ago: so no cycle comes back before every cycle of the pool has been met, and when
 * the pool starts over, the last check's cycles are the last to be taken again. Ties are broken
 * at random; `random` is injectable so that tests can fix it.
 */
function drawCycles(all, history, count, random) {
  const rnd = random || Math.random;
  const lastMet = (slug) => {
    for (let i = 0; i < history.length; i++) if (history[i].indexOf(slug) !== -1) return i;
    return Infinity;
  };
  return all
    .map((slug) => ({ slug, age: lastMet(slug), key: rnd() }))
    .sort((a, b) => (a.age === b.age ? a.key - b.key : a.age > b.age ? -1 : 1))
    .slice(0, count)
    .map((x) => x.slug);
}

/**
 * Codes of other coders set beside the master codes: what `npm run compare-codes` reports for a
 * second coder and what a kodepanel's page shows. Each coding is one coder's codes of one
 * vignette: {slug, kind, dimensions, masters: {key: {score, justification}}, scores}. Returns the
 * agreement of summarize() and the codes two or more apart from the master code, farthest first.
 */
function agreementWithMaster(codings) {
  const results = [];
  const disagreements = [];
  for (const c of codings) {
    for (const r of compareWithMaster(c.scores, c.masters, c.dimensions).results) {
      results.push(r);
      if (!r.withinOne) disagreements.push({ slug: c.slug, kind: c.kind, dimension: r.dimension, master: r.master, second: r.score });
    }
  }
  disagreements.sort((a, b) => Math.abs(b.second - b.master) - Math.abs(a.second - a.master) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return Object.assign(summarize(results), { disagreements });
}

/** Below this share of a panel's codes within one of the master code, the panel disagrees. */
const PANEL_WITHIN_ONE = 0.8;

/**
 * Whether a kodepanel disagrees with a vignette's master codes. `summary` is agreementWithMaster
 * over the panel's codings of that one vignette, `coders` how many coded it. The panel disagrees
 * when fewer than 80 % of its codes are within one, or when on some dimension a majority of the
 * coders (more than half) are two or more from the master code: then the panel, not one odd
 * coder, sees that dimension elsewhere. Returns the reasons, [] when the panel agrees.
 */
function panelVerdict(summary, coders) {
  const reasons = [];
  if (summary.codes > 0 && summary.withinOne < PANEL_WITHIN_ONE) reasons.push({ kind: 'withinOne', withinOne: summary.withinOne });
  const apart = {};
  for (const d of summary.disagreements) apart[d.dimension] = (apart[d.dimension] || 0) + 1;
  for (const key of Object.keys(apart)) {
    if (apart[key] * 2 > coders) reasons.push({ kind: 'majorityApart', dimension: key, coders: apart[key] });
  }
  return reasons;
}

module.exports = {
  SCALE_MIN,
  SCALE_MAX,
  validateScores,
  compareWithMaster,
  quadraticWeightedKappa,
  summarize,
  practiseNext,
  drawCycles,
  agreementWithMaster,
  PANEL_WITHIN_ONE,
  panelVerdict,
};
