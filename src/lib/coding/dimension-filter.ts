/**
 * The dimension choices of the vignette filter. TETT PÅ gives a toddler dimension and a pre-k
 * dimension the same Norwegian name three times (Ta barnets perspektiv, Veiledning og
 * reguleringsstøtte, Tilrettelegge for læring og utvikling): with both age groups shown, such a
 * name is one choice that finds the vignettes of either dimension.
 */
export interface DimensionChoice {
  /** The key the choice stands for in the address (?dimensjon=): the first of its keys. */
  value: string;
  label: string;
  /** Every dimension key the choice finds. */
  keys: string[];
}

interface Group {
  key: string;
  dimensions: Array<{ key: string; label: string }>;
}

export function dimensionChoices(groups: Group[], ageGroup: string): DimensionChoice[] {
  const shown = ageGroup ? groups.filter((g) => g.key === ageGroup) : groups;
  const byLabel = new Map<string, DimensionChoice>();
  for (const d of shown.flatMap((g) => g.dimensions)) {
    const choice = byLabel.get(d.label);
    if (!choice) byLabel.set(d.label, { value: d.key, label: d.label, keys: [d.key] });
    else if (!choice.keys.includes(d.key)) choice.keys.push(d.key);
  }
  return [...byLabel.values()];
}

/** The choice a key belongs to (a link may name either key of a shared name), or undefined. */
export function choiceOf(choices: DimensionChoice[], key: string): DimensionChoice | undefined {
  return choices.find((c) => c.keys.includes(key));
}
