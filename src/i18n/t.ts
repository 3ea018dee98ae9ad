import { nb, type StringKey } from './nb';

/** Looks up a UI string and fills in `{name}` placeholders. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return nb[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A count in words: the `one` string for exactly 1 ("1 ansatt vises"), `many` otherwise. */
export function tCount(count: number, one: StringKey, many: StringKey, vars: Record<string, string | number> = {}): string {
  return t(count === 1 ? one : many, { ...vars, count });
}
