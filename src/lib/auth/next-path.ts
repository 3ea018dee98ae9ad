/** Where to go after logging in: only a path on this site, so a crafted link cannot send people away. */
export function safeNextPath(next: string | null | undefined, fallback = '/min-side/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** Where each role starts: leaders on their overview, everyone else on Min side. */
export function landingPathFor(role: unknown): string {
  if (role === 'styrer') return '/leder/';
  if (role === 'admin') return '/admin/';
  return '/min-side/';
}

/** After logging in: an explicit ?neste= wins; without one, the role's own start page. */
export function afterLoginPath(next: string | null | undefined, role: unknown): string {
  return safeNextPath(next, landingPathFor(role));
}
