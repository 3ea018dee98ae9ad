// The CLASS catalogue for the hooks: the very file the site reads (src/lib/class/catalogue.json).
const data = require(`${typeof __hooks === 'string' ? __hooks : __dirname + '/..'}/../src/lib/class/catalogue.json`);

/** The dimension keys of an age group ('toddler' | 'pre-k'), in the instrument's order, or null. */
function dimensionsOf(ageGroup) {
  const group = data.ageGroups.find((g) => g.key === ageGroup);
  if (!group) return null;
  return group.domains.reduce((all, d) => all.concat(d.dimensions), []);
}

function dimension(key) {
  return data.dimensions.find((d) => d.key === key) || null;
}

module.exports = { data, dimensionsOf, dimension };
