// Sign-in with the municipality's identity provider, against a real OpenID Connect provider:
// only people who already have an account get in, matched by e-mail in any case, linked once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase, { ClientResponseError } from 'pocketbase';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/lib/server.mjs';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';
import { createBarnehage, superuser, PASSWORD } from '../support/accounts';
import { signInAtProvider, startOidcProvider, type OidcAccount, type TestOidcProvider } from '../support/oidc-provider';

const tag = randomUUID().slice(0, 8);
const kari = { email: `kari.nordmann-${tag}@test.tettpa.no`, name: 'Kari Nordmann' };
const per = { email: `per.hansen-${tag}@test.tettpa.no`, name: 'Per Hansen' };
const ola = { email: `ola.dahl-${tag}@test.tettpa.no`, name: 'Ola Dahl' };

const accounts: Record<string, OidcAccount> = {
  // The provider writes the address with capitals and a stray space; the account has it in lower case.
  kari: { email: ` Kari.Nordmann-${tag}@Test.Tettpa.no`, email_verified: true, name: 'Kari N.' },
  // Entra ID without the optional email claim: the address is only in preferred_username.
  per: { preferred_username: `Per.Hansen-${tag}@test.tettpa.no`, name: 'Per' },
  // An address the provider says it has not verified must not open anyone's account.
  ola: { email: ola.email, email_verified: false },
  ukjent: { email: `ukjent-${tag}@test.tettpa.no`, email_verified: true, name: 'Ukjent Person' },
  utenepost: { name: 'Ingen Adresse' },
  // Another identity that now carries Kari's address (a mailbox given to someone new).
  gjenbrukt: { email: kari.email, email_verified: true },
};

let provider: TestOidcProvider;
let server: TestServer;
let redirectUri: string;
let admin: PocketBase;
const ids = { kari: '', per: '', ola: '' };

async function signIn(login: string, client = new PocketBase(server.url)) {
  client.autoCancellation(false);
  const methods = await client.collection('users').listAuthMethods();
  const oidc = methods.oauth2.providers.find((p) => p.name === 'oidc')!;
  const back = await signInAtProvider(oidc.authURL + encodeURIComponent(redirectUri), login, redirectUri);
  expect(back.get('state')).toBe(oidc.state);
  return client.collection('users').authWithOAuth2Code('oidc', back.get('code')!, oidc.codeVerifier, redirectUri);
}

async function refusal(login: string): Promise<ClientResponseError> {
  const error = await signIn(login).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClientResponseError);
  return error as ClientResponseError;
}

const usersCount = async () => (await admin.collection('users').getList(1, 1)).totalItems;
const linksOf = (userId: string) => admin.collection('_externalAuths').getFullList({ filter: admin.filter('recordRef = {:id}', { id: userId }) });

beforeAll(async () => {
  const port = await freePort();
  redirectUri = `http://127.0.0.1:${port}/logg-inn/`;
  provider = await startOidcProvider({ redirectUris: [redirectUri], accounts });
  server = await startTestServer({ port, env: provider.env });
  admin = await superuser(server.url);
  const barnehage = await createBarnehage(admin);
  for (const [key, person] of Object.entries({ kari, per, ola })) {
    // As the import makes them: not verified, with a password of their own.
    const record = await admin.collection('users').create({
      ...person,
      role: 'deltaker',
      barnehage: barnehage.id,
      stilling: 'pedagog',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      verified: false,
    });
    ids[key as keyof typeof ids] = record.id;
  }
});

afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('innlogging med Bærum-konto', () => {
  it('is offered under the configured name', async () => {
    const methods = await new PocketBase(server.url).collection('users').listAuthMethods();
    expect(methods.oauth2.enabled).toBe(true);
    expect(methods.oauth2.providers.map((p) => [p.name, p.displayName])).toEqual([['oidc', 'Bærum-konto']]);
  });

  it('is not offered by a server without the OIDC settings', async () => {
    const methods = await new PocketBase(inject('pocketbaseUrl')).collection('users').listAuthMethods();
    expect(methods.oauth2.enabled).toBe(false);
    expect(methods.oauth2.providers).toEqual([]);
  });

  it('opens the account that has the same e-mail in any case, and links it once', async () => {
    const before = await usersCount();
    const first = await signIn('kari');
    expect(first.record.id).toBe(ids.kari);
    expect(first.record.email).toBe(kari.email);
    expect(first.record.name).toBe(kari.name);

    const second = await signIn('kari');
    expect(second.record.id).toBe(ids.kari);
    expect(await usersCount()).toBe(before);
    const links = await linksOf(ids.kari);
    expect(links.map((l) => [l.provider, l.providerId])).toEqual([['oidc', 'kari']]);

    // The person's own password still works: signing in did not replace it.
    const byPassword = await new PocketBase(server.url).collection('users').authWithPassword(kari.email, PASSWORD);
    expect(byPassword.record.id).toBe(ids.kari);
  });

  it('does not let a second identity with the same address take over a linked account', async () => {
    await signIn('kari');
    const error = await refusal('gjenbrukt');
    expect(error.status).toBe(403);
    expect(error.response.message).toContain('allerede koblet til en annen pålogging');
    expect((await linksOf(ids.kari)).map((l) => l.providerId)).toEqual(['kari']);
  });

  it('finds the address in preferred_username when the email claim is missing (Entra ID)', async () => {
    const auth = await signIn('per');
    expect(auth.record.id).toBe(ids.per);
  });

  it('never opens a colleague’s account that is logged in on the same device', async () => {
    const shared = new PocketBase(server.url);
    await shared.collection('users').authWithPassword(ola.email, PASSWORD);
    const auth = await signIn('kari', shared);
    expect(auth.record.id).toBe(ids.kari);
    expect(await linksOf(ids.ola)).toEqual([]);
  });

  it('refuses a person who has no account, and creates none', async () => {
    const before = await usersCount();
    const error = await refusal('ukjent');
    expect(error.status).toBe(403);
    expect(error.response.message).toMatch(/^Du har ingen konto i Tett på læring ennå\. Be styreren din/);
    expect(error.response.message).toContain(`ukjent-${tag}@test.tettpa.no`);
    expect(await usersCount()).toBe(before);
    const links = await admin.collection('_externalAuths').getFullList({ filter: admin.filter('providerId = {:sub}', { sub: 'ukjent' }) });
    expect(links).toEqual([]);
  });

  it('does not trust an address the provider has not verified', async () => {
    const error = await refusal('ola');
    expect(error.status).toBe(403);
    expect(await linksOf(ids.ola)).toEqual([]);
  });

  it('says so in Norwegian when the provider sends no address at all', async () => {
    const error = await refusal('utenepost');
    expect(error.status).toBe(403);
    expect(error.response.message).toContain('sendte ingen e-postadresse');
  });
});

describe('oppsett av OIDC', () => {
  it('starts without the button when the issuer does not answer, and turns it on once it does', async () => {
    const [port, issuerPort] = [await freePort(), await freePort()];
    const env = {
      TETTPA_OIDC_ISSUER: `http://127.0.0.1:${issuerPort}`,
      TETTPA_OIDC_CLIENT_ID: 'tettpa-test',
      TETTPA_OIDC_CLIENT_SECRET: 'hemmelig',
      TETTPA_OIDC_RETRY_SECONDS: '1',
    };
    const late = await startTestServer({ port, env });
    let lateProvider: TestOidcProvider | null = null;
    try {
      const client = new PocketBase(late.url);
      expect((await client.collection('users').listAuthMethods()).oauth2.providers).toEqual([]);
      lateProvider = await startOidcProvider({ port: issuerPort, redirectUris: [`${late.url}/logg-inn/`], accounts: {} });
      await expect.poll(async () => (await client.collection('users').listAuthMethods()).oauth2.providers.map((p) => p.name), { timeout: 15_000 }).toEqual(['oidc']);
    } finally {
      await late.stop();
      await lateProvider?.stop();
      removeDataDir(late.dataDir);
    }
  });

  it('refuses to start with half the settings, and says which are missing', async () => {
    const failed = await startTestServer({ env: { TETTPA_OIDC_ISSUER: 'https://login.example.test/tenant/v2.0' } }).then(
      async (s) => {
        await s.stop();
        removeDataDir(s.dataDir);
        return null;
      },
      (e: Error) => e,
    );
    expect(failed?.message).toContain('mangler TETTPA_OIDC_CLIENT_ID, TETTPA_OIDC_CLIENT_SECRET');
  });
});
