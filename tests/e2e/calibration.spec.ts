// Issue 14, done-when: a calibration round with four certified observers, each in their own
// browser, shows each of them the network's anonymous distribution after closing and nothing before.
import { test, expect, baseUrl, logIn, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import type { Page } from '@playwright/test';

/** Codes every dimension of the form with one score. */
async function codeAll(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await groups.nth(i).locator('label.score', { hasText: String(score) }).first().click();
}

test('a network leader runs a calibration round with four observers in their own browsers', async ({ browser }) => {
  test.setTimeout(180_000);
  const root = await superuser(baseUrl());
  const [a, b] = [await createBarnehage(root), await createBarnehage(root)];
  const leader = await createUser(root, 'styrer', a.id, 'Nina Nettverksleder');
  const network = await root.collection('nettverk').create({ name: `Nettverk Vest ${Date.now()}`, leaders: [leader.id] });
  for (const k of [a, b]) await root.collection('barnehager').update(k.id, { nettverk: network.id });
  const observers: TestUser[] = [];
  for (let i = 0; i < 4; i++) {
    const o = await createUser(root, 'deltaker', (i % 2 ? b : a).id, `Observatør ${i + 1}`);
    await root.collection('users').update(o.id, { certified_until: new Date(Date.now() + 200 * 86400000).toISOString().replace('T', ' ') });
    observers.push(o);
  }
  const cycle = await root.collection('vignettes').getFirstListItem('kind = "cycle" && pool = "practice" && ageGroup = "toddler"', { sort: 'slug' });

  // The leader opens the round from /leder/.
  const leaderPage = await (await browser.newContext()).newPage();
  await logIn(leaderPage, leader.email, { next: '/leder/' });
  await leaderPage.getByTestId('calibration-link').getByRole('link', { name: 'Kalibreringsrunder i nettverket' }).click();
  await leaderPage.waitForURL(/\/leder\/kalibrering\/$/);
  await expect(leaderPage.getByText('4 sertifiserte observatører i nettverket')).toBeVisible();
  await leaderPage.getByLabel('Observasjonssyklus fra øvingsbanken').selectOption(cycle.slug);
  await leaderPage.getByRole('button', { name: 'Åpne runden' }).click();
  await expect(leaderPage.getByTestId('calibration-count')).toHaveText('0 av 4 har kodet');
  expect(await axeViolations(leaderPage)).toEqual([]);

  // Each observer, in a browser of their own, finds the round from /koding/ and codes it blind.
  const pages: Page[] = [];
  const scoreOf = (i: number) => (i === 0 ? 5 : 4);
  for (const [i, o] of observers.entries()) {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, o.email, { next: '/koding/' });
    await page.getByTestId('calibration-link').getByRole('link', { name: 'Kalibrering i nettverket' }).click();
    await page.getByRole('link', { name: `Kod syklusen «${cycle.title}»` }).click();
    await expect(page.getByTestId('calibration-state')).toHaveText(`Kod syklusen «${cycle.title}»`);
    if (i === 0) expect(await axeViolations(page)).toEqual([]);
    await codeAll(page, scoreOf(i));
    await page.getByRole('button', { name: 'Send inn kodene mine' }).click();
    await expect(page.getByTestId('calibration-waiting')).toContainText('Kodene dine er sendt');
    await expect(leaderPage.getByTestId('calibration-count')).toHaveText(`${i + 1} av 4 har kodet`);
    pages.push(page);
  }

  // Before closing: no result, no distribution, no master code on any observer's page, even after a reload.
  for (const page of pages) {
    await page.reload();
    await expect(page.getByTestId('calibration-waiting')).toBeVisible();
    await expect(page.getByTestId('calibration-result')).toHaveCount(0);
    await expect(page.locator('[data-testid^="calibration-distribution-"]')).toHaveCount(0);
    await expect(page.getByText(/Masterkode/)).toHaveCount(0);
  }
  expect(await axeViolations(pages[1]!)).toEqual([]);

  await leaderPage.getByRole('button', { name: 'Lukk runden nå' }).click();
  await expect(leaderPage.getByRole('link', { name: `Resultat ${cycle.title}` })).toBeVisible();

  // The observers are still on the page: the close arrives by itself.
  const first = cycle.dimensions[0] as string;
  for (const [i, page] of pages.entries()) {
    await expect(page.getByTestId('calibration-result')).toBeVisible();
    await expect(page.getByText('4 sertifiserte observatører i')).toBeVisible();
    const chart = page.getByTestId(`calibration-distribution-${first}`);
    await expect(chart.locator('figcaption')).toContainText(`din kode ${scoreOf(i)}`);
    // The numbers as a table: three coded 4 and one coded 5, nobody named.
    const rows = chart.locator('table tbody tr');
    await expect(rows.nth(3).locator('td').first()).toHaveText('3');
    await expect(rows.nth(4).locator('td').first()).toHaveText('1');
    await expect(page.locator('[data-testid^="calibration-distribution-"]')).toHaveCount(cycle.dimensions.length);
    await expect(page.getByTestId('calibration-agreement')).toContainText('innenfor én');
    await expect(page.getByTestId('calibration-history').locator('table tbody tr')).toHaveCount(1);
    for (const other of observers.filter((_, j) => j !== i)) await expect(page.getByText(other.name)).toHaveCount(0);
  }
  expect(await axeViolations(pages[2]!)).toEqual([]);

  // The leader reads the same aggregates, with no code of their own.
  await leaderPage.getByRole('link', { name: `Resultat ${cycle.title}` }).click();
  await expect(leaderPage.getByTestId('calibration-result')).toBeVisible();
  await expect(leaderPage.getByTestId(`calibration-distribution-${first}`).locator('figcaption')).not.toContainText('din kode');
  expect(await axeViolations(leaderPage)).toEqual([]);
});
