// A real OpenID Connect provider (the npm package oidc-provider) on a free port, standing in for
// the municipality's Entra ID in tests. Its development sign-in form accepts any password; the
// login typed there is the account's `sub`, and `accounts` says which claims that person has.
import { createServer, type Server } from 'node:http';
import { Provider } from 'oidc-provider';
import { freePort } from '../../scripts/lib/server.mjs';

export interface OidcAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Entra ID's user principal name: often the only place the address is. */
  preferred_username?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The env a PocketBase needs to use this provider. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: { redirectUris: string[]; accounts: Record<string, OidcAccount>; port?: number }): Promise<TestOidcProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'tettpa-test';
  const clientSecret = 'tettpa-test-hemmelighet-som-er-lang-nok';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
    // Like Entra ID: the person's claims travel in the id_token, which is what the server reads.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      TETTPA_OIDC_ISSUER: issuer,
      TETTPA_OIDC_CLIENT_ID: clientId,
      TETTPA_OIDC_CLIENT_SECRET: clientSecret,
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Goes through the provider's own pages over HTTP as a browser would (cookies, redirects, its
 * sign-in and consent forms) and returns the query the provider sends back to `redirectUri`.
 */
export async function signInAtProvider(authUrl: string, login: string, redirectUri: string): Promise<URLSearchParams> {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const pair = header.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  let next: { url: string; init?: RequestInit } | null = { url: authUrl };
  for (let step = 0; step < 20 && next; step++) {
    const res: Response = await fetch(next.url, { ...next.init, redirect: 'manual', headers: { ...(next.init?.headers ?? {}), cookie: cookieHeader() } });
    remember(res);
    const location = res.headers.get('location');
    if (location) {
      const target: URL = new URL(location, next.url);
      if (target.href.startsWith(redirectUri)) return target.searchParams;
      next = { url: target.href };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`Uventet svar fra OIDC-tilbyderen (${res.status}): ${html.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'hva-som-helst' } : { prompt });
    next = {
      url: new URL(action.replaceAll('&amp;', '&'), next.url).href,
      init: { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    };
  }
  throw new Error('OIDC-innloggingen kom aldri tilbake til redirect-adressen.');
}
