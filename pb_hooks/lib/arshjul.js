// The årshjul for the hooks: the JSON that every server start writes from src/content/arshjul.yaml
// (scripts/lib/arshjul-json.mjs), so the YAML file stays the one source.
const base = typeof __hooks === 'string' ? __hooks : __dirname + '/..';
let plan;
try {
  plan = require(`${base}/../.cache/arshjul.json`);
} catch (err) {
  throw new Error('Fant ikke .cache/arshjul.json. Start serveren med npm start (den skriver årshjulet fra src/content/arshjul.yaml).');
}

/** The dimension key an age group works on in a calendar month (1–12), or '' in a month without one. */
function planDimension(ageGroup, monthNumber) {
  const m = plan.months.find((x) => x.month === monthNumber);
  const focus = m && m[ageGroup];
  return focus && focus.dimension ? focus.dimension : '';
}

module.exports = { plan, planDimension };
