/**
 * The one place that knows whether the learner is logged in, for the header and every island:
 * the session in localStorage (shared by every tab), told again when it changes in this tab or
 * another (the `storage` event), and told when the server has said the session is gone (401).
 * Kept free of the PocketBase SDK so that content pages stay light.
 */
import { AUTH_STORAGE_KEY, readStoredSession, type StoredSession } from './stored-session';

const CHANGED = 'tettpa:session-changed';
const GONE = 'tettpa:session-gone';

/** Calls back with the current session whenever it may have changed, here or in another tab. */
export function onSessionChange(callback: (session: StoredSession | null) => void): () => void {
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === AUTH_STORAGE_KEY || event.key === null) callback(readStoredSession());
  };
  const fromThisTab = () => callback(readStoredSession());
  window.addEventListener('storage', fromOtherTab);
  window.addEventListener(CHANGED, fromThisTab);
  return () => {
    window.removeEventListener('storage', fromOtherTab);
    window.removeEventListener(CHANGED, fromThisTab);
  };
}

/** Said by the PocketBase client whenever its auth store changes in this tab. */
export function announceSessionChange(): void {
  window.dispatchEvent(new CustomEvent(CHANGED));
}

/** Said by whoever got a 401 (or found the token expired): every page then says so the same way. */
export function announceSessionGone(): void {
  window.dispatchEvent(new CustomEvent(GONE));
}

export function onSessionGone(callback: () => void): () => void {
  window.addEventListener(GONE, callback);
  return () => window.removeEventListener(GONE, callback);
}

/** The login page, coming back to this page afterwards. */
export function loginAgainHref(path = window.location.pathname): string {
  return `/logg-inn/?neste=${encodeURIComponent(path)}`;
}

/** Whether the browser says there is no network (then a failed request is not a logged-out session). */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Calls onGone when the learner is logged out (here or in another tab) and onBack when someone logs
 * in again, so that an island stops showing a learner's data without a reload and loads it again after.
 */
export function followSession(onGone: () => void, onBack?: () => void): () => void {
  let current = readStoredSession()?.id ?? null;
  return onSessionChange((session) => {
    const id = session?.id ?? null;
    if (id === current) return;
    current = id;
    if (id) onBack?.();
    else onGone();
  });
}

/**
 * Why sending failed: the session is gone, the browser is offline, the server did not answer or
 * answered with trouble of its own (5xx) although the network is up, or it refused what was sent
 * (then its message says why).
 */
export type SendTrouble = 'expired' | 'offline' | 'server' | 'refused';

export function troubleOf(error: unknown): SendTrouble {
  const status = (error as { status?: unknown } | null)?.status;
  // 403 is a lost session only when there is none left; with one it is the server's own "no".
  if (status === 401 || (status === 403 && !readStoredSession())) return 'expired';
  if (status === 0 || (typeof status === 'number' && status >= 500)) return isOffline() ? 'offline' : 'server';
  if (error instanceof TypeError && isOffline()) return 'offline';
  return 'refused';
}
