import { describe, expect, it } from 'vitest';
import { choiceOf, dimensionChoices } from '../../src/lib/coding/dimension-filter';
import { dateTicks } from '../../src/lib/coding/date-ticks';
import { dimensionLabels } from '../../src/lib/coding/dimension-labels';
import { tCount } from '../../src/i18n/t';

const groups = (['toddler', 'pre-k'] as const).map((key) => ({ key, dimensions: dimensionLabels(key).map(({ key: k, label }) => ({ key: k, label })) }));

describe('the dimension choices of the vignette filter', () => {
  it('names each dimension once when both age groups are shown', () => {
    const labels = dimensionChoices(groups, '').map((c) => c.label);
    expect(labels.length).toBe(new Set(labels).size);
    expect(labels).toContain('Ta barnets perspektiv');
  });
  it('lets a shared name find the dimension of either age group', () => {
    const choices = dimensionChoices(groups, '');
    const pairs: Array<[string, string]> = [
      ['regard-for-child-perspectives', 'regard-for-student-perspectives'],
      ['behavior-guidance', 'behavior-management'],
      ['facilitation-of-learning-and-development', 'instructional-learning-formats'],
    ];
    for (const [toddler, prek] of pairs) {
      expect(choiceOf(choices, prek)).toBe(choiceOf(choices, toddler));
      expect(choiceOf(choices, prek)?.keys.sort()).toEqual([toddler, prek].sort());
    }
  });
  it('shows one age group’s own dimensions when one is chosen', () => {
    expect(dimensionChoices(groups, 'toddler').map((c) => c.value)).toEqual(groups[0]!.dimensions.map((d) => d.key));
  });
});

describe('the dates under the history chart', () => {
  it('dates every point when they fit, otherwise the ends and evenly between', () => {
    expect(dateTicks(0, 6)).toEqual([]);
    expect(dateTicks(3, 6)).toEqual([0, 1, 2]);
    expect(dateTicks(11, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(dateTicks(40, 6)).toHaveLength(6);
    expect(dateTicks(40, 6).at(-1)).toBe(39);
  });
});

describe('counts in words', () => {
  it('uses the singular for exactly one', () => {
    expect(tCount(1, 'coding.doneOnce', 'coding.doneMany', { withinOne: '80 %' })).toBe('Kodet én gang, 80 % innenfor én');
    expect(tCount(3, 'coding.doneOnce', 'coding.doneMany', { withinOne: '80 %' })).toBe('Kodet 3 ganger, sist 80 % innenfor én');
    expect(tCount(1, 'history.checkOne', 'history.checkMany')).toBe('1 reliabilitetssjekk');
  });
});
