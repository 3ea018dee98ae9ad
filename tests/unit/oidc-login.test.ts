import { describe, expect, it } from 'vitest';
import { beginOidcLogin, readOidcReturn, type OidcOffer } from '../../src/lib/auth/oidc-login';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

const offer: OidcOffer = { displayName: 'Bærum-konto', authURL: 'https://idp.example/authorize?client_id=x&redirect_uri=', state: 'tilstand-123', codeVerifier: 'verifier' };

describe('the redirect flow of the OIDC login', () => {
  it('sends the browser to the provider with our /logg-inn/ as the way back', () => {
    const url = beginOidcLogin(offer, 'https://laering.example', '/kurs/', memoryStorage());
    expect(url).toBe(`${offer.authURL}${encodeURIComponent('https://laering.example/logg-inn/')}`);
  });

  it('accepts the code only with the state this tab stored, once', () => {
    const storage = memoryStorage();
    beginOidcLogin(offer, 'https://laering.example', '/kurs/', storage);
    const back = readOidcReturn(new URLSearchParams({ code: 'kode', state: 'tilstand-123' }), storage);
    expect(back).toEqual({
      kind: 'ready',
      code: 'kode',
      pending: { state: 'tilstand-123', codeVerifier: 'verifier', redirectURL: 'https://laering.example/logg-inn/', next: '/kurs/', displayName: 'Bærum-konto' },
    });
    expect(readOidcReturn(new URLSearchParams({ code: 'kode', state: 'tilstand-123' }), storage)).toEqual({ kind: 'stale' });
  });

  it('refuses a code with another state (a link someone else made)', () => {
    const storage = memoryStorage();
    beginOidcLogin(offer, 'https://laering.example', null, storage);
    expect(readOidcReturn(new URLSearchParams({ code: 'kode', state: 'noe-annet' }), storage)).toEqual({ kind: 'stale' });
  });

  it('reports a sign-in the person cancelled at the provider', () => {
    const storage = memoryStorage();
    beginOidcLogin(offer, 'https://laering.example', null, storage);
    expect(readOidcReturn(new URLSearchParams({ error: 'access_denied', state: 'tilstand-123' }), storage)).toEqual({ kind: 'cancelled', displayName: 'Bærum-konto' });
  });

  it('keeps the next page on this site only', () => {
    const storage = memoryStorage();
    beginOidcLogin(offer, 'https://laering.example', '//evil.example/', storage);
    const back = readOidcReturn(new URLSearchParams({ code: 'k', state: 'tilstand-123' }), storage);
    // Nothing safe asked for: the role decides after the login (afterLoginPath).
    expect(back.kind === 'ready' && back.pending.next).toBe('');
  });

  it('does nothing on an ordinary visit to the login page', () => {
    expect(readOidcReturn(new URLSearchParams({ neste: '/kurs/' }), memoryStorage())).toEqual({ kind: 'none' });
  });
});
