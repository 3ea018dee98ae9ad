/**
 * Reads the session the PocketBase SDK keeps in localStorage, without loading the SDK.
 * Used where a page only needs to know who is logged in (the header, the lesson notice).
 */
// A hand-written check of the few fields read: pages that otherwise ship no JS carry no schema library.
import { fields, optionalText, orNull, text } from '../shape';

/** The key the PocketBase JS SDK's LocalAuthStore writes to. */
export const AUTH_STORAGE_KEY = 'pocketbase_auth';

function readStoredAuth(value: unknown) {
  const o = fields(value);
  const token = text(o, 'token');
  if (!token) throw new Error('tomt token');
  const r = fields(o.record);
  return { token, record: { id: text(r, 'id'), name: optionalText(r, 'name'), email: optionalText(r, 'email'), role: optionalText(r, 'role') } };
}

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
  const parsed = orNull(() => readStoredAuth(value));
  if (!parsed) return null;
  const { token, record } = parsed;
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
