// Puts the vignettes' public metadata and master codes into PocketBase. Content, not demo data:
// it runs at every start, writes only what changed, and never touches learners' attempts.
import PocketBase from 'pocketbase';
import { readVignettes } from './vignette-files.mjs';

export async function seedVignettes({ url, adminEmail, adminPassword, vignettes = readVignettes() }) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(adminEmail, adminPassword);

  const existing = new Map((await pb.collection('vignettes').getFullList({ batch: 500 })).map((v) => [v.slug, v]));
  const masters = await pb.collection('master_codes').getFullList({ batch: 1000 });
  const masterKey = (vignetteId, dimension) => `${vignetteId}/${dimension}`;
  const masterByKey = new Map(masters.map((m) => [masterKey(m.vignette, m.dimension), m]));
  let written = 0;

  for (const v of vignettes) {
    const meta = { slug: v.slug, title: v.title, ageGroup: v.ageGroup, kind: v.kind, dimensions: v.dimensions };
    let record = existing.get(v.slug);
    if (!record) {
      record = await pb.collection('vignettes').create(meta);
      written += 1;
    } else if (JSON.stringify([record.title, record.ageGroup, record.kind, record.dimensions]) !== JSON.stringify([meta.title, meta.ageGroup, meta.kind, meta.dimensions])) {
      record = await pb.collection('vignettes').update(record.id, meta);
      written += 1;
    }
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
  const keep = new Set(vignettes.map((v) => existing.get(v.slug)?.id).filter(Boolean));
  for (const [key, stale] of masterByKey) {
    if (keep.has(key.split('/')[0])) {
      await pb.collection('master_codes').delete(stale.id);
      written += 1;
    }
  }
  return { vignettes: vignettes.length, written };
}
