// `progress.lesson` of an imported package's item: its identifier made slug-safe. The player's copy
// is itemSlug in src/lib/scorm/package-player.ts; tests/unit/item-slug.test.ts holds the two equal.
function itemSlug(identifier) {
  const slug = String(identifier)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
  return slug || 'del';
}

module.exports = { itemSlug };
