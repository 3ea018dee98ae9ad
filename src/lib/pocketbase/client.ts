/** The one PocketBase client of the browser: same origin as the site, so no CORS and no config. */
import PocketBase from 'pocketbase';

let client: PocketBase | undefined;

export function pocketbase(): PocketBase {
  client ??= new PocketBase(window.location.origin);
  // Several islands on one page share the client; a newer request must not cancel another island's.
  client.autoCancellation(false);
  return client;
}

/** Whether an SDK error means "the server never answered" rather than "the server said no". */
export function isNetworkError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 0 || status === undefined;
}

export function isAuthError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401 || status === 403;
}

/** The Norwegian message of a refused request, or null when the server never answered. */
export function serverMessage(error: unknown): string | null {
  const e = error as { status?: number; response?: { message?: unknown } } | null;
  if (!e || !e.status) return null;
  return typeof e.response?.message === 'string' ? e.response.message : null;
}
