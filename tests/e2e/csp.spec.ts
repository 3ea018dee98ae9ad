// Every kind of page carries a Content-Security-Policy that allows nothing but our own origin and no
// inline script without its hash; logged in as each role, no page breaks it and every island works.
import type { Page } from '@playwright/test';
import { test, expect, baseUrl, logIn } from './fixtures';
import { createBarnehage, createUser, superuser, type Role } from '../support/accounts';

/** Collects CSP violations from the moment the page starts, as events and as console errors. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) console.push(msg.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

/** Every island on the page has hydrated: Astro drops the `ssr` attribute when it does. */
async function expectIslandsHydrated(page: Page) {
  // Islands that load when visible need to be scrolled to (an island itself has no box: display: contents).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const waiting = [...document.querySelectorAll('astro-island[ssr]')];
        for (const island of waiting) (island.firstElementChild ?? island.parentElement)?.scrollIntoView();
        return waiting.length;
      }),
    )
    .toBe(0);
}

async function visit(page: Page, violations: () => Promise<string[]>, pagePath: string) {
  const response = await page.goto(`${baseUrl()}${pagePath}`);
  const policy = response!.headers()['content-security-policy'] ?? '';
  expect(policy, pagePath).toContain("default-src 'self'");
  expect(policy, pagePath).toContain("frame-ancestors 'self'");
  expect(policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '', pagePath).not.toContain('unsafe-inline');
  await page.waitForLoadState('networkidle');
  await expectIslandsHydrated(page);
  expect(await violations(), pagePath).toEqual([]);
}

const PAGES: Record<Role | 'anonym', string[]> = {
  anonym: ['/', '/kurs/', '/logg-inn/', '/tilgjengelighet/', '/denne-siden-finnes-ikke/'],
  deltaker: ['/kurs/nyansatt/', '/koding/', '/koding/ballek-i-gangen/', '/koding/sjekk/', '/koding/historikk/', '/min-side/', '/min-side/kursbevis/', '/kursgruppe/'],
  kursleder: ['/kursleder/', '/kursleder/runde/'],
  styrer: ['/leder/'],
  admin: ['/admin/'],
};

test('pages for readers who are not logged in break no policy, and their islands work', async ({ page }) => {
  const violations = await watchPolicy(page);
  for (const pagePath of PAGES.anonym) await visit(page, violations, pagePath);
});

for (const role of ['deltaker', 'kursleder', 'styrer', 'admin'] as const) {
  test(`a ${role}'s pages break no policy, and their islands work`, async ({ page }) => {
    const root = await superuser(baseUrl());
    const user = await createUser(root, role, (await createBarnehage(root)).id);
    const violations = await watchPolicy(page);
    await logIn(page, user.email, { next: PAGES[role][0]! });
    for (const pagePath of PAGES[role]) await visit(page, violations, pagePath);
  });
}

test('a lesson with islands (progress, quiz, reflection) works under the policy', async ({ page }) => {
  const root = await superuser(baseUrl());
  const learner = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
  const violations = await watchPolicy(page);
  await logIn(page, learner.email, { next: '/kurs/nyansatt/hva-er-tett-pa/' });
  await visit(page, violations, '/kurs/nyansatt/hva-er-tett-pa/');
  await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('the policy is real: an inline script and a foreign image are blocked and reported', async ({ page }) => {
  const violations = await watchPolicy(page);
  await visit(page, violations, '/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const img = document.createElement('img');
    img.src = 'https://example.invalid/pixel.png';
    img.alt = '';
    document.body.append(img);
  });
  await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  const all = (await violations()).join('\n');
  expect(all).toMatch(/script-src/);
  expect(all).toMatch(/img-src/);
});
