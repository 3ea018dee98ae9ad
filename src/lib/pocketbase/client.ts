/** The one PocketBase client of the browser: same origin as the site, so no CORS and no config. */
import PocketBase from 'pocketbase';

let client: PocketBase | undefined;

export function pocketbase(): PocketBase {
  client ??= new PocketBase(window.location.origin);
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

/** The Norwegian message of a refused request, or null when the server never answered. */
export function serverMessage(error: unknown): string | null {
  if (!statusOf(error)) return null;
  const message = (error as { response?: { message?: unknown } }).response?.message;
  return typeof message === 'string' ? message : null;
}
