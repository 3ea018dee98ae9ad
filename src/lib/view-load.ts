/**
 * The states of a page that needs a logged-in user, and the one way of getting there, for any
 * client of server-api.ts: view-state.ts runs it with the SDK, pages that only read and write
 * records (Min side) with the fetch client of lite-client.ts.
 */
import type { RecordModel, ServerApi } from './pocketbase/server-api';
import { isAuthError } from './pocketbase/request-status';
import { announceSessionGone, followSession } from './auth/session-watch';

export type GateKind = 'loading' | 'anonymous' | 'forbidden' | 'expired' | 'error';
export type View<T> = { kind: GateKind } | { kind: 'ready'; data: T };

/**
 * Loads a page's data for the logged-in user, or says why not: not logged in, a role the page is
 * not for (the server refuses anyway; this only spares the request), an expired session, an error.
 */
export async function loadViewWith<T, C extends ServerApi>(pb: C, load: (pb: C, user: RecordModel) => Promise<T>, roles?: string[]): Promise<View<T>> {
  const user = pb.authStore.isValid ? pb.authStore.record : null;
  if (!user) return { kind: 'anonymous' };
  if (roles && !roles.includes(String(user.role ?? ''))) return { kind: 'forbidden' };
  try {
    return { kind: 'ready', data: await load(pb, user) };
  } catch (error) {
    if (!isAuthError(error)) return { kind: 'error' };
    announceSessionGone();
    return { kind: 'expired' };
  }
}

/**
 * Loads a gated page now and follows the session afterwards: logged out here or in another tab, the
 * page shows "logged out" at once (no data of the learner stays on screen); logged in again, it loads.
 * For onMount: returns the stop.
 */
export function loadAndFollow(load: () => unknown, loggedOut: () => void): () => void {
  void load();
  return followSession(loggedOut, () => void load());
}
