// Vignettes with known master codes, made through the API, for tests that must compute the
// expected feedback by hand.
import type PocketBase from 'pocketbase';
import { randomUUID } from 'node:crypto';
import { dimensionsOf } from '../../src/lib/class/catalogue';

export async function createVignette(
  root: PocketBase,
  opts: {
    ageGroup: 'toddler' | 'pre-k';
    kind: 'short' | 'cycle';
    masters: Record<string, number>;
    slug?: string;
    justificationLength?: number;
    /** Cycles only (issue 11): a cycle is in the check pool unless a test says otherwise. */
    pool?: 'practice' | 'check';
  },
) {
  const slug = opts.slug ?? `test-${opts.kind}-${randomUUID().slice(0, 8)}`;
  const pool = opts.kind === 'cycle' ? (opts.pool ?? 'check') : '';
  const vignette = await root.collection('vignettes').create({
    slug,
    title: `Testvignett ${slug}`,
    ageGroup: opts.ageGroup,
    kind: opts.kind,
    dimensions: Object.keys(opts.masters),
    pool,
    // What the check route hands out: two paragraphs a test can recognise.
    checkText: opts.kind === 'cycle' ? checkTextOf(slug) : '',
  });
  for (const [dimension, score] of Object.entries(opts.masters)) {
    await root.collection('master_codes').create({
      vignette: vignette.id,
      dimension,
      score,
      // Padded with a two-byte letter where a test needs justifications as long as master_codes allows.
      justification: `Hemmelig begrunnelse ${slug} ${dimension}: ${score}`.padEnd(opts.justificationLength ?? 0, 'æ'),
    });
  }
  return { slug, id: vignette.id, masters: opts.masters };
}

/** The stored text of a fixture check-pool cycle. */
export const checkTextOf = (slug: string) => `Første avsnitt av ${slug}.\n\nAndre avsnitt av ${slug}.`;

/** A full cycle whose master code is `base` on every dimension (Negative Climate `8 − base`). */
export async function createCycle(
  root: PocketBase,
  ageGroup: 'toddler' | 'pre-k',
  base: number,
  justificationLength?: number,
  pool: 'practice' | 'check' = 'check',
) {
  const masters = Object.fromEntries(dimensionsOf(ageGroup).map((d) => [d, d === 'negative-climate' ? 8 - base : base]));
  return createVignette(root, { ageGroup, kind: 'cycle', masters, justificationLength, pool });
}
