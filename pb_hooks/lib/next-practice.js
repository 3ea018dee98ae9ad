// "Neste øving for deg" and drift (issue 14): which practice vignette trains what an observer
// gets wrong, and which habits have drifted. Pure functions only, shared by the hooks (PocketBase's
// JS runtime, CommonJS, no Node APIs) and the unit tests; the route in next-practice-route.js
// gathers the data.
//
// A "code" here is one compared dimension of an attempt: { dimension, score, master, deviation,
// ageGroup? } (the age group of the vignette coded), oldest first. Only practice and completed checks are codes: an unfinished check never is.

/** Below this many codes we do not yet know how someone codes: they get the starter set. */
const MIN_CODES = 15;
/** Each dimension is judged on its most recent codes: old habits that are gone do not count. */
const WINDOW = 20;
/** Drift: a mean deviation beyond this over the window is flagged on the history page. */
const DRIFT_BIAS = 0.75;
/** Drift: a dimension needs this many recent codes before its bias is flagged (two codes say little). */
const DRIFT_MIN_CODES = 5;
/** A bias this large is what the sentence talks about, rather than the share of misses. */
const NOTABLE_BIAS = 0.5;
/** Drift: the master code used an end of the scale at least this often before "never" means anything. */
const MIN_END_CODES = 3;
/** A dimension with fewer recent codes than this is too thin to judge, unless all are. */
const MIN_DIMENSION_CODES = 3;
/** Vignettes practised among the last this many attempts are offered only when nothing else fits. */
const RECENT_ATTEMPTS = 10;

/** How the sentence names a band: "når masterkoden er lav". */
const BAND_WORD = { low: 'lav', middle: 'middels', high: 'høy' };

const decimal = (value) => value.toFixed(1).replace('.', ',');
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function bandOf(bands, score) {
  for (const b of bands) if (score >= b.min && score <= b.max) return b.key;
  return null;
}

/** The last `size` codes of each dimension, grouped by dimension (insertion order of first sight). */
function recentByDimension(codes, size) {
  const grouped = {};
  for (const c of codes) (grouped[c.dimension] = grouped[c.dimension] || []).push(c);
  for (const key of Object.keys(grouped)) grouped[key] = grouped[key].slice(-size);
  return grouped;
}

function agreement(rows) {
  const within = rows.filter((r) => Math.abs(r.deviation) <= 1).length;
  const bias = mean(rows.map((r) => r.deviation));
  return {
    codes: rows.length,
    withinOne: within / rows.length,
    misses: rows.length - within,
    bias,
    // Weak agreement and a lean to one side both make a dimension worth practising; a bias of
    // two points is as bad as missing every code.
    severity: 1 - within / rows.length + Math.abs(bias) / 2,
  };
}

/**
 * Where the observer misses most: the dimension with the weakest agreement or largest bias over
 * its recent codes, and within it the band of the master code where they miss. Null when every
 * recent code is exact (nothing to aim at).
 */
function weakSpot(codes, bands) {
  const grouped = recentByDimension(codes, WINDOW);
  const judged = Object.keys(grouped).filter((d) => grouped[d].length >= MIN_DIMENSION_CODES);
  let worst = null;
  for (const dimension of judged.length > 0 ? judged : Object.keys(grouped)) {
    const overall = agreement(grouped[dimension]);
    for (const band of bands) {
      const rows = grouped[dimension].filter((r) => bandOf(bands, r.master) === band.key);
      if (rows.length === 0) continue;
      const cell = agreement(rows);
      if (cell.severity === 0) continue;
      // The dimension's overall weakness ranks first; the band decides within it.
      const rank = [overall.severity, cell.severity, cell.codes];
      if (!worst || compareRank(rank, worst.rank) > 0) worst = { dimension, band: band.key, cell, overall, rank, ageGroup: mostCommonAgeGroup(rows) };
    }
  }
  return worst;
}

/** The age group most of these codes came from (codes may carry `ageGroup`), or null. */
function mostCommonAgeGroup(rows) {
  const counts = {};
  let best = null;
  for (const r of rows) {
    if (!r.ageGroup) continue;
    counts[r.ageGroup] = (counts[r.ageGroup] || 0) + 1;
    if (!best || counts[r.ageGroup] > counts[best]) best = r.ageGroup;
  }
  return best;
}

function compareRank(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The one Norwegian sentence that says why this practice. */
function weakSpotReason(spot, labelOf) {
  const label = labelOf(spot.dimension);
  const band = BAND_WORD[spot.band];
  const { cell } = spot;
  if (Math.abs(cell.bias) >= NOTABLE_BIAS) {
    return `Du setter ${label} i snitt ${decimal(Math.abs(cell.bias))} for ${cell.bias > 0 ? 'høyt' : 'lavt'} når masterkoden er ${band}.`;
  }
  return `Du er mer enn ett poeng fra masterkoden på ${label} i ${cell.misses} av ${cell.codes} koder når masterkoden er ${band}.`;
}

/**
 * Practice vignettes whose master code for `dimension` is in `band`, best first: never practised,
 * then practised longest ago; ties broken at random (injectable for tests). A check-pool cycle is
 * never a candidate, whatever the caller passed in.
 */
function candidatesFor(vignettes, dimension, band, bands, lastPractised, random, ageGroup) {
  // An observer certified for one age group practises it: its vignettes come first among equals.
  const otherGroup = (v) => (ageGroup && v.ageGroup && v.ageGroup !== ageGroup ? 1 : 0);
  return vignettes
    .filter((v) => v.pool !== 'check' && v.masters && v.masters[dimension] !== undefined && bandOf(bands, v.masters[dimension]) === band)
    .map((v) => ({ v, age: lastPractised(v.slug), group: otherGroup(v), key: random() }))
    .sort((a, b) => (a.age !== b.age ? (a.age > b.age ? -1 : 1) : a.group !== b.group ? a.group - b.group : a.key - b.key))
    .map((x) => x.v);
}

/** How many attempts ago a slug was last practised (0 = the latest), or Infinity. */
function ageIn(recentSlugs) {
  return (slug) => {
    for (let i = recentSlugs.length - 1; i >= 0; i--) if (recentSlugs[i] === slug) return recentSlugs.length - 1 - i;
    return Infinity;
  };
}

/**
 * The starter set for someone with too little history: short vignettes that between them cover
 * as many dimensions and bands as possible, so the first codes tell us where they miss. Stable
 * (sorted by slug) so that the offer does not change from one visit to the next.
 */
function starterSet(vignettes, bands, practisedSlugs, size) {
  const pool = vignettes.filter((v) => v.pool !== 'check' && v.kind === 'short' && practisedSlugs.indexOf(v.slug) === -1).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const seen = {};
  const chosen = [];
  while (chosen.length < size && pool.length > 0) {
    let best = 0;
    let bestGain = -1;
    pool.forEach((v, i) => {
      const keys = Object.keys(v.masters || {});
      const gain = keys.filter((d) => !seen[d]).length * 2 + keys.filter((d) => !seen[`${d}/${bandOf(bands, v.masters[d])}`]).length;
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    });
    const v = pool.splice(best, 1)[0];
    for (const d of Object.keys(v.masters || {})) {
      seen[d] = true;
      seen[`${d}/${bandOf(bands, v.masters[d])}`] = true;
    }
    chosen.push(v);
  }
  return chosen;
}

/**
 * The next practice for an observer.
 * - codes: their counted codes, oldest first.
 * - practised: the slugs of their practice attempts, oldest first.
 * - vignettes: [{ slug, title, kind, pool, ageGroup, masters: { dimension: score } }] (the route passes practice material only).
 * Returns { vignette, title, dimension, band, reason, starter } or null when there is nothing to practise.
 */
function nextPractice({ codes, practised, vignettes, bands, labelOf, random }) {
  const rnd = random || Math.random;
  const label = labelOf || ((k) => k);
  const recent = practised.slice(-RECENT_ATTEMPTS);
  const lastPractised = ageIn(practised);

  if (codes.length < MIN_CODES) {
    const set = starterSet(vignettes, bands, practised, 5);
    const first = set[0] || candidatesAny(vignettes, lastPractised, rnd)[0];
    if (!first) return null;
    return {
      vignette: first.slug,
      title: first.title,
      dimension: null,
      band: null,
      starter: true,
      reason: `Du har ${codes.length} ${codes.length === 1 ? 'kode' : 'koder'} så langt, så du starter med et kort, variert sett av vignetter på ulike dimensjoner og nivåer; etter ${MIN_CODES} koder retter vi øvingen mot det du bommer mest på.`,
    };
  }

  const spot = weakSpot(codes, bands);
  if (spot) {
    const fresh = (list) => list.filter((v) => recent.indexOf(v.slug) === -1);
    // The band where they miss first; then the dimension's other bands, nearest first.
    const order = bandsByDistance(bands, spot.band);
    for (const band of order) {
      const list = candidatesFor(vignettes, spot.dimension, band, bands, lastPractised, rnd, spot.ageGroup);
      const pick = fresh(list)[0] || (band === spot.band ? list[0] : undefined);
      if (pick) {
        return { vignette: pick.slug, title: pick.title, dimension: spot.dimension, band: spot.band, starter: false, reason: weakSpotReason(spot, label) };
      }
    }
  }

  // Every recent code exact, or no practice vignette trains the weak spot: the least recently practised.
  const pick = candidatesAny(vignettes, lastPractised, rnd)[0];
  if (!pick) return null;
  const dimension = Object.keys(pick.masters || {})[0] || null;
  return {
    vignette: pick.slug,
    title: pick.title,
    dimension,
    band: dimension ? bandOf(bands, pick.masters[dimension]) : null,
    starter: false,
    reason: spot
      ? `Det finnes ingen øvingsvignett for ${label(spot.dimension)} ennå, så her er den vignetten du har øvd minst på nylig.`
      : 'Kodene dine treffer masterkoden på alle dimensjonene; her er den vignetten du har øvd minst på nylig.',
  };
}

function candidatesAny(vignettes, lastPractised, rnd) {
  return vignettes
    .filter((v) => v.pool !== 'check')
    .map((v) => ({ v, age: lastPractised(v.slug), key: rnd() }))
    .sort((a, b) => (a.age === b.age ? a.key - b.key : a.age > b.age ? -1 : 1))
    .map((x) => x.v);
}

function bandsByDistance(bands, key) {
  const index = bands.findIndex((b) => b.key === key);
  return bands
    .map((b, i) => ({ key: b.key, distance: Math.abs(i - index) }))
    .sort((a, b) => a.distance - b.distance)
    .map((b) => b.key);
}

/**
 * Drift over the recent codes, for the history page:
 * - per dimension, the bias over its last WINDOW codes, flagged beyond ±DRIFT_BIAS (with at least
 *   DRIFT_MIN_CODES codes);
 * - the ends of the scale: over the same codes, how often the master code was at an end (1–2,
 *   6–7) and how often the observer was there too; flagged when the master was there at least
 *   MIN_END_CODES times and the observer never was.
 * - the distribution of master codes and own codes over 1–7, for the chart.
 */
function drift(codes, bands) {
  const grouped = recentByDimension(codes, WINDOW);
  const dimensions = Object.keys(grouped).map((dimension) => {
    const rows = grouped[dimension];
    const bias = mean(rows.map((r) => r.deviation));
    return { dimension, codes: rows.length, bias, flagged: rows.length >= DRIFT_MIN_CODES && Math.abs(bias) > DRIFT_BIAS };
  });
  const recent = Object.keys(grouped).reduce((all, key) => all.concat(grouped[key]), []);
  const ends = [bands[0], bands[bands.length - 1]].map((band) => {
    const atEnd = recent.filter((r) => bandOf(bands, r.master) === band.key);
    const own = atEnd.filter((r) => bandOf(bands, r.score) === band.key).length;
    return { band: band.key, min: band.min, max: band.max, master: atEnd.length, own, flagged: atEnd.length >= MIN_END_CODES && own === 0 };
  });
  const distribution = [];
  for (let s = 1; s <= 7; s++) {
    distribution.push({ score: s, master: recent.filter((r) => r.master === s).length, own: recent.filter((r) => r.score === s).length });
  }
  return { window: WINDOW, threshold: DRIFT_BIAS, minCodes: DRIFT_MIN_CODES, codes: recent.length, dimensions, ends, distribution };
}

module.exports = {
  MIN_CODES,
  WINDOW,
  DRIFT_BIAS,
  DRIFT_MIN_CODES,
  RECENT_ATTEMPTS,
  nextPractice,
  weakSpot,
  drift,
  starterSet,
};
