/** The public side of the vignettes, as the coding pages list them. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { catalogue, type AgeGroupKey } from '../class/catalogue';
import { dimensionLabels } from '../coding/dimension-labels';

export type VignetteEntry = CollectionEntry<'vignettes'>;

export async function allVignettes(): Promise<VignetteEntry[]> {
  const entries = await getCollection('vignettes');
  // Short ones first, then cycles; by title within each.
  return entries.sort((a, b) => a.data.kind.localeCompare(b.data.kind) * -1 || a.data.title.localeCompare(b.data.title, 'nb'));
}

/** A check-pool cycle is drawn only in reliability checks: never listed, shown or linked in practice. */
export const isPracticeMaterial = (v: VignetteEntry) => v.data.pool !== 'check';

/** What the practice pages list and build a page for: every vignette but the check pool's cycles. */
export async function practiceVignettes(): Promise<VignetteEntry[]> {
  return (await allVignettes()).filter(isPracticeMaterial);
}

export function ageGroupOptions() {
  return catalogue.ageGroups.map((g) => ({
    key: g.key,
    label: g.nb,
    dimensions: dimensionLabels(g.key as AgeGroupKey),
  }));
}

/** The short vignettes with their text and dimensions, for the live rounds of a course day. */
export async function roundVignettes() {
  const shorts = (await allVignettes()).filter((v) => v.data.kind === 'short');
  return {
    list: shorts.map((v) => ({ slug: v.id, title: v.data.title })),
    texts: Object.fromEntries(
      shorts.map((v) => [v.id, { title: v.data.title, html: v.rendered?.html ?? '', dimensions: dimensionLabels(v.data.ageGroup, v.data.dimensions) }]),
    ),
  };
}

/** The practice pool's cycles with their text: what a calibration round may be opened on (issue 14). */
export async function calibrationCycles() {
  const cycles = (await practiceVignettes()).filter((v) => v.data.kind === 'cycle');
  return {
    list: cycles.map((v) => ({ slug: v.id, title: v.data.title, ageGroup: catalogue.ageGroups.find((g) => g.key === v.data.ageGroup)?.nb ?? v.data.ageGroup })),
    texts: Object.fromEntries(cycles.map((v) => [v.id, { title: v.data.title, html: v.rendered?.html ?? '' }])),
    labels: Object.fromEntries(catalogue.ageGroups.map((g) => [g.key, dimensionLabels(g.key as AgeGroupKey)])),
  };
}
