/** Where to go after logging in: only a path on this site, so a crafted link cannot send people away. */
export function safeNextPath(next: string | null | undefined, fallback = '/min-side/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
