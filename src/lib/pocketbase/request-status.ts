/**
 * What a refused or failed request means, for errors of the SDK (client.ts) and of lite-client.ts
 * alike. The message of a refusal is in errors.ts (serverMessage): its table of Norwegian messages
 * loads only where a message is shown, not with every page that checks a status.
 */

/** The HTTP status of a request's error: 0 or undefined when the server never answered. */
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
