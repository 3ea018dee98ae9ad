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

export function ageGroupOptions() {
  return catalogue.ageGroups.map((g) => ({
    key: g.key,
    label: g.nb,
    dimensions: dimensionLabels(g.key as AgeGroupKey),
  }));
}
