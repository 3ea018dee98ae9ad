/**
 * Whether a vignette's master codes were checked in a kodepanel: public (no login), read with a
 * plain fetch and a hand-written check, so the vignette page loads neither the SDK nor zod for it.
 */
import { bool, fields, num, text } from '../shape';

export type Validation =
  | { slug: string; validated: false }
  | { slug: string; validated: true; observers: number; withinOne: number; exact: number; closedAt: string };

export function readValidation(value: unknown): Validation {
  const o = fields(value);
  const slug = text(o, 'slug');
  if (!bool(o, 'validated')) return { slug, validated: false };
  return { slug, validated: true, observers: num(o, 'observers'), withinOne: num(o, 'withinOne'), exact: num(o, 'exact'), closedAt: text(o, 'closedAt') };
}

export async function vignetteValidation(slug: string): Promise<Validation> {
  const res = await fetch(`/api/tettpa/vignettes/${encodeURIComponent(slug)}/validation`);
  if (!res.ok) throw new Error(`validation ${res.status}`);
  return readValidation(await res.json());
}
