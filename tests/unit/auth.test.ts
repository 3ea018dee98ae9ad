import { describe, expect, it } from 'vitest';
import { parseStoredSession, tokenExpiry } from '../../src/lib/auth/stored-session';
import { safeNextPath } from '../../src/lib/auth/next-path';

const jwt = (payload: object) => `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;

describe('the stored session', () => {
  const record = { id: 'abc', name: 'Dina', role: 'deltaker' };

  it('reads a valid session', () => {
    const raw = JSON.stringify({ token: jwt({ exp: 2_000 }), record });
    expect(parseStoredSession(raw, 1_000)).toMatchObject({ id: 'abc', name: 'Dina', role: 'deltaker' });
  });

  it('treats an expired session as logged out', () => {
    const raw = JSON.stringify({ token: jwt({ exp: 500 }), record });
    expect(parseStoredSession(raw, 1_000)).toBeNull();
  });

  it('treats garbage as logged out', () => {
    expect(parseStoredSession('{', 0)).toBeNull();
    expect(parseStoredSession(JSON.stringify({ token: 'x' }), 0)).toBeNull();
    expect(tokenExpiry('not-a-jwt')).toBe(0);
  });
});

describe('the page after logging in', () => {
  it('stays on this site', () => {
    expect(safeNextPath('/kurs/nyansatt/')).toBe('/kurs/nyansatt/');
    expect(safeNextPath('https://example.com/')).toBe('/min-side/');
    expect(safeNextPath('//example.com/')).toBe('/min-side/');
    expect(safeNextPath('/\\example.com')).toBe('/min-side/');
    expect(safeNextPath(null)).toBe('/min-side/');
  });
});
