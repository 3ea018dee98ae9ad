/**
 * Small checks of what the browser reads back (server answers, localStorage): only the fields a
 * caller uses, with a thrown error when one is missing or of the wrong kind. zod stays at the
 * server and build boundaries; in the browser these few lines do the job of its kilobytes.
 */
export class ShapeError extends Error {}

export type Fields = Record<string, unknown>;

export function fields(value: unknown, what = 'svaret'): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${what} er ikke et objekt`);
  return value as Fields;
}

export function text(o: Fields, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new ShapeError(`${key} er ikke tekst`);
  return v;
}

export function optionalText(o: Fields, key: string): string | undefined {
  return o[key] === undefined || o[key] === null ? undefined : text(o, key);
}

export function num(o: Fields, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || Number.isNaN(v)) throw new ShapeError(`${key} er ikke et tall`);
  return v;
}

export function nullableNum(o: Fields, key: string): number | null {
  return o[key] === null || o[key] === undefined ? null : num(o, key);
}

export function bool(o: Fields, key: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new ShapeError(`${key} er ikke sann/usann`);
  return v;
}

export function list<T>(o: Fields, key: string, each: (item: unknown) => T): T[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new ShapeError(`${key} er ikke en liste`);
  return v.map(each);
}

export function oneOf<T extends string>(o: Fields, key: string, allowed: readonly T[]): T {
  const v = text(o, key);
  if (!(allowed as readonly string[]).includes(v)) throw new ShapeError(`${key} har en ukjent verdi`);
  return v as T;
}

/** The value, or null when the check throws: for what a device kept (it may be old or broken). */
export function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
