import { nb, type StringKey } from './nb';

/** Looks up a UI string and fills in `{name}` placeholders. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return nb[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
