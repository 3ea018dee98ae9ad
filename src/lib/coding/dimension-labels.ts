/** Plain data about dimensions that islands receive as props (they never import the catalogue). */
import { ageGroup, dimension, type AgeGroupKey } from '../class/catalogue';

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
