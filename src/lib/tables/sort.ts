/** Sorting and searching the leaders' tables: Norwegian alphabetical order, numbers as numbers. */
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: string;
  direction: SortDirection;
}

const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

/** A click on a header: a new column sorts ascending, the same column turns around. */
export function nextSort(current: SortState | null, column: string): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/** The value of `aria-sort` for a header: only the sorted column carries a direction. */
export function ariaSortOf(state: SortState | null, column: string): SortDirection | 'none' {
  return state?.column === column ? state.direction : 'none';
}

/** A sorted copy; ties keep their order, so a second sort refines the first. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => string | number, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Whether a row's text holds every word of the search, regardless of case and accents' case. */
export function matchesSearch(text: string, query: string): boolean {
  const words = query.trim().toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  const haystack = text.toLocaleLowerCase('nb');
  return words.every((word) => haystack.includes(word));
}
