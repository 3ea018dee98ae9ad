// Settings of the coding practice, from the environment so that the programme can tune them
// without a code change.
function passThreshold() {
  const raw = $os.getenv('TETTPA_PASS_THRESHOLD');
  const value = raw === '' ? NaN : Number(raw);
  // Like the certification test itself: 80 % of codes within one of the master code.
  return value > 0 && value <= 1 ? value : 0.8;
}

const CYCLES_PER_CHECK = 5;

module.exports = { passThreshold, CYCLES_PER_CHECK };
