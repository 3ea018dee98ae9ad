/** Plain data about dimensions that islands receive as props (they never import the catalogue). */
import { ageGroup, catalogue, dimension, type AgeGroupKey } from '../class/catalogue';

export interface DimensionLabel {
  key: string;
  label: string;
  domain: string;
  reverse: boolean;
}

export function dimensionLabels(group: AgeGroupKey, keys?: string[]): DimensionLabel[] {
  const labels: DimensionLabel[] = [];
  for (const domain of ageGroup(group).domains) {
    for (const key of domain.dimensions) {
      if (keys && !keys.includes(key)) continue;
      const d = dimension(key);
      labels.push({ key, label: d.nb, domain: domain.nb, reverse: d.reverse });
    }
  }
  return labels;
}

/**
 * Every dimension's label, told apart where TETT PÅ uses one label for a Toddler and a Pre-K
 * dimension (history and drift list both age groups side by side): "Ta barnets perspektiv (småbarn)".
 */
export function distinctDimensionLabels(): Record<string, string> {
  const groupsOf = (key: string) => catalogue.ageGroups.filter((g) => g.domains.some((d) => d.dimensions.includes(key)));
  const shared = (label: string) => catalogue.dimensions.filter((d) => d.nb === label).length > 1;
  return Object.fromEntries(
    catalogue.dimensions.map((d) => {
      const groups = groupsOf(d.key);
      const qualifier = groups.length === 1 ? groups[0]!.nb.split(' ')[0]!.toLowerCase() : '';
      return [d.key, shared(d.nb) && qualifier ? `${d.nb} (${qualifier})` : d.nb];
    }),
  );
}
