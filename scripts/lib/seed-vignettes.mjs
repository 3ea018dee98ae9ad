// Puts the vignettes' public metadata and master codes into PocketBase. Content, not demo data:
// it runs at every start, writes only what changed, and never touches learners' attempts.
// A vignette that names an earlier slug (formerSlugs) takes over the record of that slug, so the
// record keeps its id and the attempts, checks and rounds that point at it keep their history.
import PocketBase from 'pocketbase';
import { readVignettes } from './vignette-files.mjs';

/** What the vignettes collection holds of one vignette file. */
function metaOf(v) {
  return {
    slug: v.slug,
    title: v.title,
    ageGroup: v.ageGroup,
    kind: v.kind,
    dimensions: v.dimensions,
    pool: v.pool ?? '',
    formerSlugs: v.formerSlugs ?? [],
    // A check-pool cycle is not on the site; the check route serves its text from here. Every
    // cycle keeps its text, so that a check drawn before a cycle changed pool still shows it.
    checkText: v.kind === 'cycle' ? v.body : '',
  };
}

const comparable = (r) => JSON.stringify([r.slug, r.title, r.ageGroup, r.kind, r.dimensions, r.pool ?? '', r.formerSlugs ?? [], r.checkText ?? '']);

/** The record a vignette file belongs to: its own slug first, else the first earlier slug found. */
function recordFor(v, bySlug) {
  const own = bySlug.get(v.slug);
  if (own) return own;
  for (const former of v.formerSlugs ?? []) {
    const renamed = bySlug.get(former);
    if (renamed) return renamed;
  }
  return undefined;
}

export async function seedVignettes({ url, adminEmail, adminPassword, vignettes = readVignettes() }) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(adminEmail, adminPassword);

  const bySlug = new Map((await pb.collection('vignettes').getFullList({ batch: 500 })).map((v) => [v.slug, v]));
  const masters = await pb.collection('master_codes').getFullList({ batch: 1000 });
  const masterKey = (vignetteId, dimension) => `${vignetteId}/${dimension}`;
  const masterByKey = new Map(masters.map((m) => [masterKey(m.vignette, m.dimension), m]));
  const seeded = new Set();
  let written = 0;
  let renamed = 0;

  for (const v of vignettes) {
    const meta = metaOf(v);
    let record = recordFor(v, bySlug);
    if (!record) {
      record = await pb.collection('vignettes').create(meta);
      written += 1;
    } else if (comparable(record) !== comparable(meta)) {
      if (record.slug !== v.slug) {
        renamed += 1;
        bySlug.delete(record.slug);
      }
      record = await pb.collection('vignettes').update(record.id, meta);
      written += 1;
    }
    bySlug.set(record.slug, record);
    seeded.add(record.id);
    // Master codes hang on the record id, so after a rename they follow without a write.
    for (const code of v.codes) {
      const current = masterByKey.get(masterKey(record.id, code.dimension));
      const data = { vignette: record.id, dimension: code.dimension, score: code.score, justification: code.justification };
      if (!current) {
        await pb.collection('master_codes').create(data);
        written += 1;
      } else if (current.score !== code.score || current.justification !== code.justification) {
        await pb.collection('master_codes').update(current.id, data);
        written += 1;
      }
      masterByKey.delete(masterKey(record.id, code.dimension));
    }
  }
  // Codes for dimensions a vignette is no longer coded on must not linger.
  for (const [key, stale] of masterByKey) {
    if (seeded.has(key.split('/')[0])) {
      await pb.collection('master_codes').delete(stale.id);
      written += 1;
    }
  }
  return { vignettes: vignettes.length, written, renamed };
}
