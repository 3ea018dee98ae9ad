// Settings of the coding practice. Defaults come from the CLASS catalogue file (shared with the
// site); the pass threshold can be tuned per installation without a code change.
const { data } = require(`${__hooks}/lib/catalogue.js`);

function passThreshold() {
  const raw = $os.getenv('TETTPA_PASS_THRESHOLD');
  const value = raw === '' ? NaN : Number(raw);
  return value > 0 && value <= 1 ? value : data.reliability.passWithinOne;
}

const CYCLES_PER_CHECK = data.reliability.cyclesPerCheck;

module.exports = { passThreshold, CYCLES_PER_CHECK };
