/** The one PocketBase client of the browser: same origin as the site, so no CORS and no config. */
import PocketBase from 'pocketbase';
import { norwegianMessage } from './errors';
import { announceSessionChange } from '../auth/session-watch';

let client: PocketBase | undefined;

export function pocketbase(): PocketBase {
  if (!client) {
    client = new PocketBase(window.location.origin);
    // The header and the other islands follow the session through session-watch.
    client.authStore.onChange(() => announceSessionChange());
  }
  // Several islands on one page share the client; a newer request must not cancel another island's.
  client.autoCancellation(false);
  return client;
}

/** The HTTP status of an SDK error: 0 or undefined when the server never answered. */
export function statusOf(error: unknown): unknown {
  return (error as { status?: unknown } | null)?.status;
}

/** Whether an SDK error means "the server never answered" rather than "the server said no". */
export function isNetworkError(error: unknown): boolean {
  const status = statusOf(error);
  return status === 0 || status === undefined;
}

export function isAuthError(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403;
}

/**
 * The Norwegian message of a refused request, or null when the server never answered. PocketBase's
 * own English messages are put into Norwegian (errors.ts); our routes' messages come through as they are.
 */
export function serverMessage(error: unknown): string | null {
  return norwegianMessage(error);
}
