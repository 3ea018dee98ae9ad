/**
 * Forgotten passwords and invitations. Both mails carry a PocketBase password-reset token that leads
 * to /nytt-passord/; the token names the account's e-mail, so that the page can log the person in
 * right after they have chosen a password.
 */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';
import { statusOf } from '../pocketbase/request-status';

/** PocketBase's minimum for the users collection's password field. */
export const MIN_PASSWORD_LENGTH = 8;

const claimsSchema = z.object({ email: z.string(), exp: z.number(), type: z.literal('passwordReset') });
export type ResetClaims = z.infer<typeof claimsSchema>;

/** What the token says about itself (not verified: the server does that), or null when it is no reset token. */
export function readResetToken(token: string): ResetClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const parsed = claimsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function isExpired(claims: ResetClaims, now = Date.now()): boolean {
  return claims.exp * 1000 <= now;
}

export type PasswordProblem = 'tooShort' | 'mismatch' | null;

export function passwordProblem(password: string, repeat: string): PasswordProblem {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password !== repeat) return 'mismatch';
  return null;
}

/** E-mail addresses are matched without regard to case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export async function requestReset(pb: PocketBase, email: string): Promise<void> {
  await pb.collection('users').requestPasswordReset(normaliseEmail(email));
}

export type ConfirmOutcome = 'loggedIn' | 'savedOnly';

/**
 * Sets the new password, then logs in with it. The token is single-use: PocketBase rotates the
 * account's token key when the password changes.
 */
export async function confirmReset(pb: PocketBase, token: string, email: string, password: string): Promise<ConfirmOutcome> {
  await pb.collection('users').confirmPasswordReset(token, password, password);
  try {
    await pb.collection('users').authWithPassword(email, password);
    return 'loggedIn';
  } catch {
    return 'savedOnly';
  }
}

/** A refused token (expired, used, or not a token at all) comes back as 400 with a `token` field error. */
export function isBadToken(error: unknown): boolean {
  const data = (error as { response?: { data?: Record<string, unknown> } } | null)?.response?.data;
  return statusOf(error) === 400 && !!data && 'token' in data;
}
