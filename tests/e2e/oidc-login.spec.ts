// "Logg inn med Bærum-konto" in a real browser: the button, the provider's own sign-in pages, and
// the way back to /logg-inn/ that lands on the imported person's account (or says why not).
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { test, expect, axeViolations, baseUrl } from './fixtures';
import { freePort } from '../../scripts/lib/server.mjs';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';
import { createBarnehage, superuser } from '../support/accounts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

const tag = randomUUID().slice(0, 8);
const email = `marit.berg-${tag}@test.tettpa.no`;
let provider: TestOidcProvider;
let server: TestServer;
let userId: string;

test.beforeAll(async () => {
  const port = await freePort();
  provider = await startOidcProvider({
    redirectUris: [`http://127.0.0.1:${port}/logg-inn/`],
    accounts: {
      marit: { email: `Marit.Berg-${tag}@Test.Tettpa.NO`, email_verified: true, name: 'Marit B.' },
      fremmed: { email: `fremmed-${tag}@test.tettpa.no`, email_verified: true },
      sverre: { email: `sverre-${tag}@test.tettpa.no`, email_verified: true, name: 'Sverre S.' },
    },
  });
  server = await startTestServer({ port, env: provider.env });
  const admin = await superuser(server.url);
  const barnehage = await createBarnehage(admin);
  // As the import brings a person in: a password nobody knows yet, not verified.
  const unknownPassword = `${randomUUID()}-A1`;
  const record = await admin.collection('users').create({
    email,
    name: 'Marit Berg',
    role: 'deltaker',
    barnehage: barnehage.id,
    stilling: 'pedagog',
    password: unknownPassword,
    passwordConfirm: unknownPassword,
    verified: false,
  });
  userId = record.id;
  await admin.collection('users').create({
    email: `sverre-${tag}@test.tettpa.no`,
    name: 'Sverre Styrer',
    role: 'styrer',
    barnehage: barnehage.id,
    stilling: 'styrer',
    password: unknownPassword,
    passwordConfirm: unknownPassword,
    verified: false,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  if (server) removeDataDir(server.dataDir);
});

async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('hva-som-helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('the button signs the imported person in and lands on their own page', async ({ page }) => {
  await page.goto(`${server.url}/logg-inn/?neste=${encodeURIComponent('/min-side/')}`);
  const button = page.getByRole('button', { name: 'Logg inn med Bærum-konto' });
  await expect(button).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await button.click();
  await page.waitForURL(`${provider.issuer}/**`);
  await signInAtProvider(page, 'marit');
  await page.waitForURL(`${server.url}/min-side/`);
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('pocketbase_auth') ?? 'null'));
  expect(session?.record?.id).toBe(userId);
  expect(session?.record?.email).toBe(email);
});

test('a person without an account is sent back with the reason in Norwegian', async ({ page }) => {
  await page.goto(`${server.url}/logg-inn/`);
  // By keyboard this time: a real button, reached and pressed without a mouse.
  await page.getByRole('button', { name: 'Logg inn med Bærum-konto' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${provider.issuer}/**`);
  await signInAtProvider(page, 'fremmed');
  await page.waitForURL(`${server.url}/logg-inn/`);
  await expect(page.locator('#innlogging-feil')).toContainText('Du har ingen konto i Tett på læring ennå. Be styreren din');
  expect(await page.evaluate(() => localStorage.getItem('pocketbase_auth'))).toBeNull();
  expect(await axeViolations(page)).toEqual([]);
});

test('the button is not there when the server has no identity provider set up', async ({ page }) => {
  await page.goto(`${baseUrl()}/logg-inn/`);
  await expect(page.getByLabel('E-postadresse')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('button', { name: /Bærum-konto/ })).toHaveCount(0);
});

test('a styrer who signs in without asking for a page lands on their overview', async ({ page }) => {
  await page.goto(`${server.url}/logg-inn/`);
  await page.getByRole('button', { name: 'Logg inn med Bærum-konto' }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await signInAtProvider(page, 'sverre');
  await page.waitForURL(`${server.url}/leder/`);
});
