// One årshjul for every lesson and for the department's month: August to June, every dimension
// of each age group exactly once, and a wrong edit stops the build with a Norwegian message.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { arshjul, dimensionOfMonth, monthName, monthPlan, parseArshjul } from '../../src/lib/arshjul';
import { dimensionsOf } from '../../src/lib/class/catalogue';

const source = readFileSync(path.resolve(import.meta.dirname, '../../src/content/arshjul.yaml'), 'utf8');
const edited = (edit: (plan: { months: Array<Record<string, unknown>> }) => void) => {
  const plan = parse(source);
  edit(plan);
  return stringify(plan);
};

describe('the årshjul', () => {
  it('runs from August to June', () => {
    expect(arshjul.months.map((m) => monthName(m.month))).toEqual(['August', 'September', 'Oktober', 'November', 'Desember', 'Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni']);
    expect(monthPlan(7)).toBeUndefined();
  });

  it.each(['pre-k', 'toddler'] as const)('plans every %s dimension once', (group) => {
    const planned = arshjul.months.map((m) => dimensionOfMonth(group, m.month)).filter((k) => k !== null);
    expect([...planned].sort()).toEqual([...dimensionsOf(group)].sort());
  });

  it('tells which dimension a group has in a month, and none in a month of repetition', () => {
    expect(dimensionOfMonth('pre-k', 11)).toBe('behavior-management');
    expect(dimensionOfMonth('toddler', 11)).toBe('behavior-guidance');
    expect(dimensionOfMonth('toddler', 12)).toBeNull();
    expect(dimensionOfMonth('pre-k', 7)).toBeNull();
  });

  it('refuses a plan that skips a dimension or names one twice', () => {
    const twice = edited((p) => { p.months[1]!['pre-k'] = { dimension: 'positive-climate' }; });
    expect(() => parseArshjul(twice)).toThrow(/pre-k: positive-climate står 2 ganger.*pre-k: teacher-sensitivity står 0 ganger/);
  });

  it('refuses a dimension of the other age group', () => {
    const wrong = edited((p) => { p.months[4]!.toddler = { dimension: 'productivity' }; });
    expect(() => parseArshjul(wrong)).toThrow(/toddler: productivity hører ikke til denne aldersgruppen/);
  });

  it('refuses months out of order, and a month without a plan for a group', () => {
    expect(() => parseArshjul(edited((p) => { p.months.reverse(); }))).toThrow(/august til juni i rekkefølge/);
    expect(() => parseArshjul(edited((p) => { delete p.months[0]!.toddler; }))).toThrow(/months\.0\.toddler/);
  });
});
