/**
 * Sign-in with the municipality's identity provider by the redirect code flow: the page goes to
 * the provider and comes back to /logg-inn/ with a code. Popups are blocked on many phones, which
 * is why the SDK's popup flow is not used. The state and PKCE verifier wait in sessionStorage:
 * they belong to this tab only and are gone when it closes.
 */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';
import { afterLoginPath, safeNextPath } from './next-path';

export const OIDC_PROVIDER = 'oidc';
const STORAGE_KEY = 'tettpa_oidc_pending';

export interface OidcOffer {
  displayName: string;
  authURL: string;
  state: string;
  codeVerifier: string;
}

const pendingSchema = z.object({
  state: z.string().check(z.minLength(1)),
  codeVerifier: z.string(),
  redirectURL: z.string(),
  next: z.string(),
  displayName: z.string(),
});
type Pending = z.infer<typeof pendingSchema>;

/** The provider the server offers, or null when sign-in with it is not set up. */
export async function oidcOffer(pb: PocketBase): Promise<OidcOffer | null> {
  const methods = await pb.collection('users').listAuthMethods();
  if (!methods.oauth2?.enabled) return null;
  const provider = methods.oauth2.providers.find((p) => p.name === OIDC_PROVIDER);
  return provider ? { displayName: provider.displayName, authURL: provider.authURL, state: provider.state, codeVerifier: provider.codeVerifier } : null;
}

export function loginRedirectURL(origin: string): string {
  return `${origin}/logg-inn/`;
}

/** Remembers what the way back needs and returns where to send the browser. */
export function beginOidcLogin(offer: OidcOffer, origin: string, next: string | null, storage: Storage): string {
  const redirectURL = loginRedirectURL(origin);
  const pending: Pending = { state: offer.state, codeVerifier: offer.codeVerifier, redirectURL, next: safeNextPath(next, ''), displayName: offer.displayName };
  storage.setItem(STORAGE_KEY, JSON.stringify(pending));
  return offer.authURL + encodeURIComponent(redirectURL);
}

export type OidcReturn =
  | { kind: 'none' }
  | { kind: 'cancelled'; displayName: string }
  | { kind: 'stale' }
  | { kind: 'ready'; code: string; pending: Pending };

function readPending(storage: Storage): Pending | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Reads the provider's answer from the address /logg-inn/ was opened with. The stored state must
 * match, so that a link someone else crafted cannot log this browser into their account.
 */
export function readOidcReturn(search: URLSearchParams, storage: Storage): OidcReturn {
  const code = search.get('code');
  const error = search.get('error');
  if (!code && !error) return { kind: 'none' };
  const pending = readPending(storage);
  storage.removeItem(STORAGE_KEY);
  if (!pending || search.get('state') !== pending.state) return { kind: 'stale' };
  if (error || !code) return { kind: 'cancelled', displayName: pending.displayName };
  return { kind: 'ready', code, pending };
}

/** Exchanges the code for a session; any other session on this device is dropped first. */
export async function completeOidcLogin(pb: PocketBase, ready: Extract<OidcReturn, { kind: 'ready' }>): Promise<string> {
  pb.authStore.clear();
  const auth = await pb.collection('users').authWithOAuth2Code(OIDC_PROVIDER, ready.code, ready.pending.codeVerifier, ready.pending.redirectURL);
  // No page asked for (''): the role's own start page, as after a password login.
  return afterLoginPath(ready.pending.next || null, auth.record.role);
}
