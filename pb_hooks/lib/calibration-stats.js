// What a closed calibration round may show: counts per score and agreement with the master code,
// never a single person's codes. Pure functions, shared by the hooks and the unit tests.
const scoring = require(`${typeof __hooks === 'string' ? __hooks : __dirname + '/..'}/lib/scoring.js`);

/** Below this many participants a distribution would let each of them work out the others' codes. */
const MIN_PARTICIPANTS = 3;

/**
 * Aggregates the codes of one round. `codeSets` holds one {dimension: score} object per
 * participant (order and owners already forgotten), `masters` {dimension: score}. With fewer than
 * MIN_PARTICIPANTS participants, distributions and agreement are null.
 */
function aggregateRound(codeSets, masters, dimensions) {
  const participants = codeSets.length;
  const shown = participants >= MIN_PARTICIPANTS;
  const pairs = [];
  const perDimension = dimensions.map((dimension) => {
    const distribution = [0, 0, 0, 0, 0, 0, 0];
    for (const scores of codeSets) {
      const score = scores[dimension];
      if (typeof score !== 'number') continue;
      distribution[score - scoring.SCALE_MIN] += 1;
      if (typeof masters[dimension] === 'number') pairs.push([score, masters[dimension]]);
    }
    return { dimension, master: typeof masters[dimension] === 'number' ? masters[dimension] : null, distribution: shown ? distribution : null };
  });
  return { participants, shown, dimensions: perDimension, agreement: shown ? agreementOf(pairs) : null };
}

/** Within one, exact and quadratic-weighted kappa over [code, master] pairs. */
function agreementOf(pairs) {
  if (pairs.length === 0) return null;
  const within = pairs.filter(([a, b]) => Math.abs(a - b) <= 1).length;
  const exact = pairs.filter(([a, b]) => a === b).length;
  return { codes: pairs.length, withinOne: within / pairs.length, exact: exact / pairs.length, weightedKappa: scoring.quadraticWeightedKappa(pairs) };
}

module.exports = { MIN_PARTICIPANTS, aggregateRound, agreementOf };
