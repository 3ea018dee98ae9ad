/**
 * Builds `t` and `tCount` over a table of strings. The site's build gives every island a table of
 * only the strings it uses (scripts/lib/island-strings.mjs); the server-rendered pages use all of nb.
 */
export function makeTranslator<K extends string>(table: Readonly<Record<K, string>>) {
  /** Looks up a UI string and fills in `{name}` placeholders. */
  function t(key: K, vars: Record<string, string | number> = {}): string {
    // A key missing from an island's table shows as the key rather than breaking the island.
    const text = (table as Record<string, string | undefined>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  }
  /** A count in words: the `one` string for exactly 1 ("1 ansatt vises"), `many` otherwise. */
  function tCount(count: number, one: K, many: K, vars: Record<string, string | number> = {}): string {
    return t(count === 1 ? one : many, { ...vars, count });
  }
  return { t, tCount };
}
