// A course leader runs a whole live coding round with two participants in their own browsers.
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import type { Page } from '@playwright/test';

async function codeAll(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).locator('label.score', { hasText: String(score) }).first().click();
  }
}

test('a kursleder creates a cohort, two participants join and code, the leader reveals, everyone sees the result', async ({ browser }) => {
  test.setTimeout(120_000);
  const root = await superuser(baseUrl());
  const leader = await createUser(root, 'kursleder', (await createBarnehage(root)).id, 'Kari Kursleder');
  const people = [await freshLearner(), await freshLearner()];

  const leaderPage = await (await browser.newContext()).newPage();
  await logIn(leaderPage, leader.email, { next: '/kursleder/' });
  await leaderPage.getByLabel('Navn på gruppen').fill('Assistentkurs høst');
  await leaderPage.getByLabel('Dag 1').fill(`${new Date().getFullYear() + 1}-12-01`);
  await leaderPage.getByLabel('Dag 2').fill(`${new Date().getFullYear() + 1}-12-08`);
  await leaderPage.getByLabel('Sted').fill('Bekkestua');
  await leaderPage.getByRole('button', { name: 'Lag kursgruppen' }).click();
  const created = await leaderPage.getByTestId('created-message').textContent();
  const code = /koden ([A-Z2-9]{6})/.exec(created ?? '')?.[1];
  expect(code).toBeDefined();
  expect(await axeViolations(leaderPage)).toEqual([]);

  const pages: Page[] = [];
  for (const person of people) {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, person.email, { next: '/kursgruppe/' });
    await page.getByLabel('Koden fra kurslederen').fill(code!.toLowerCase());
    await page.getByRole('button', { name: 'Bli med' }).click();
    await expect(page.getByText('Du er med i kursgruppen «Assistentkurs høst».')).toBeVisible();
    await expect(page.getByTestId('room-state')).toContainText('ikke startet noen kodingsrunde');
    pages.push(page);
  }
  expect(await axeViolations(pages[0]!)).toEqual([]);

  await leaderPage.getByRole('button', { name: /Åpne/ }).click();
  await expect(leaderPage.getByTestId(`member-${people[0]!.id}`)).toBeVisible();
  await leaderPage.getByRole('button', { name: 'Start kodingsrunde og vis på storskjerm' }).click();
  await expect(leaderPage.getByTestId('round-count')).toHaveText('0 av 2 har levert');
  expect(await axeViolations(leaderPage)).toEqual([]);

  // The participants are already on the page: the round arrives by itself (realtime).
  for (const [i, page] of pages.entries()) {
    await expect(page.getByTestId('room-state')).toContainText('Kod vignetten');
    await codeAll(page, 4);
    await page.getByRole('button', { name: 'Send inn kodene mine' }).click();
    await expect(page.getByTestId('room-state')).toContainText('Kodene dine er sendt');
    await expect(leaderPage.getByTestId('round-count')).toHaveText(`${i + 1} av 2 har levert`);
  }
  // Before the reveal, no master code anywhere on a participant's page.
  await expect(pages[0]!.getByText(/Masterkode/)).toHaveCount(0);

  await leaderPage.getByRole('button', { name: 'Vis resultatet' }).click();
  await expect(leaderPage.getByText(/Masterkode: \d/).first()).toBeVisible();
  expect(await axeViolations(leaderPage)).toEqual([]);

  for (const page of pages) {
    await expect(page.getByTestId('room-state')).toContainText('Gruppens koder');
    await expect(page.getByText(/^Masterkode: \d · Din kode: 4$/).first()).toBeVisible();
    await expect(page.getByText(/Masterkode: \d/).first()).toBeVisible();
    const counts = page.locator('[data-testid^="distribution-"]').first().locator('tbody td .count');
    await expect(counts.nth(3)).toHaveText('2');
  }
  expect(await axeViolations(pages[1]!)).toEqual([]);

  // A reload lands in the current round.
  await pages[0]!.reload();
  await expect(pages[0]!.getByTestId('room-state')).toContainText('Gruppens koder');
});
