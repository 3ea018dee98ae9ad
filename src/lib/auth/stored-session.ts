/**
 * Reads the session the PocketBase SDK keeps in localStorage, without loading the SDK.
 * Used where a page only needs to know who is logged in (the header, the lesson notice).
 */
// zod/mini keeps this check to a couple of kilobytes on pages that otherwise ship no JS.
import * as z from 'zod/mini';

/** The key the PocketBase JS SDK's LocalAuthStore writes to. */
export const AUTH_STORAGE_KEY = 'pocketbase_auth';

const storedAuthSchema = z.object({
  token: z.string().check(z.minLength(1)),
  record: z.object({
    id: z.string(),
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    role: z.optional(z.string()),
  }),
});

export interface StoredSession {
  id: string;
  name: string;
  role: string;
  token: string;
}

/** Seconds since the epoch at which a JWT stops being valid, or 0 when unreadable. */
export function tokenExpiry(token: string): number {
  const payload = token.split('.')[1];
  if (!payload) return 0;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0;
  }
}

export function parseStoredSession(raw: string | null, nowSeconds = Date.now() / 1000): StoredSession | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = storedAuthSchema.safeParse(value);
  if (!parsed.success) return null;
  const { token, record } = parsed.data;
  if (tokenExpiry(token) <= nowSeconds) return null;
  return { id: record.id, name: record.name || record.email || '', role: record.role ?? 'deltaker', token };
}

export function readStoredSession(): StoredSession | null {
  try {
    return parseStoredSession(localStorage.getItem(AUTH_STORAGE_KEY));
  } catch {
    return null;
  }
}
