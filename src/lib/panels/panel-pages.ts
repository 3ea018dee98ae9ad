/** Plain data the kodepanel islands receive as props (they never import the catalogue or content). */
import { catalogue, ageGroup } from '../class/catalogue';
import { practiceVignettes } from '../content/vignettes';

/** Dimension key → its Norwegian name. */
export const dimensionNames = (): Record<string, string> => Object.fromEntries(catalogue.dimensions.map((d) => [d.key, d.nb]));

/** What admin can put up for panel coding: the practice vignettes (a check-pool cycle never). */
export async function panelChoices() {
  return (await practiceVignettes()).map((v) => ({ slug: v.id, title: v.data.title, group: ageGroup(v.data.ageGroup).nb }));
}
