/** The one PocketBase client of the browser: same origin as the site, so no CORS and no config. */
import PocketBase from 'pocketbase';
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

// Kept apart so that a page can tell errors apart without loading the SDK.
export { statusOf, isNetworkError, isAuthError } from './request-status';
export { serverMessage } from './errors';
