// An observer practises a vignette, takes a whole reliability check, and reads the history.
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';

/** Codes every dimension shown on the page with the same score, clicking as a person would. */
async function codeAll(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups.nth(i).locator('label.score', { hasText: String(score) }).first().click();
  }
  return count;
}

test('a learner practises a short vignette and sees feedback against the master code', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/koding/' });
  await page.getByLabel('Type').selectOption('short');
  const first = page.locator('.vignette-list a').first();
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!.trim());

  // Sending with nothing coded is refused in Norwegian.
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(page.getByRole('alert')).toContainText('Du har ikke kodet');

  const dimensions = await codeAll(page, 4);
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(page.getByRole('heading', { name: 'Tilbakemelding' })).toBeFocused();
  await expect(page.getByTestId('feedback-summary')).toContainText(`av ${dimensions} koder innenfor én`);
  const rows = page.locator('table.feedback tbody tr[data-testid]');
  await expect(rows).toHaveCount(dimensions);
  await expect(rows.first().locator('td').nth(0)).toHaveText('4');
  await expect(rows.first().locator('td').nth(1)).toHaveText(/^[1-7]$/);
  await expect(rows.first()).toContainText(/eksakt|innenfor én|✗/);
  expect(await axeViolations(page)).toEqual([]);
});

test('a learner takes a whole reliability check, sees the result, and the history chart', async ({ page }) => {
  test.setTimeout(120_000);
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/koding/sjekk/' });
  await page.getByLabel('Småbarn (ca. 1–3 år)').check();
  await page.getByRole('button', { name: 'Start sjekken' }).click();

  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Syklus ${i} av 5`)).toBeVisible();
    if (i === 1) expect(await axeViolations(page)).toEqual([]);
    expect(await codeAll(page, 4)).toBe(8);
    await page.getByRole('button', { name: 'Lever syklusen' }).click();
    if (i < 5) {
      await expect(page.getByText(`Syklus ${i} er levert. Ingen tilbakemelding`)).toBeVisible();
      // No feedback while the check is running: no master codes, no justification.
      await expect(page.locator('table.feedback')).toHaveCount(0);
    }
  }

  await expect(page.getByRole('heading', { name: 'Resultat' })).toBeFocused();
  await expect(page.getByTestId('check-verdict')).toContainText(/(Bestått|Ikke bestått): \d+\s% av kodene var innenfor én/);
  await expect(page.getByRole('table', { name: 'Samsvar per dimensjon' }).locator('tbody tr')).toHaveCount(8);
  await expect(page.locator('details')).toHaveCount(5);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Se historikken din' }).click();
  await expect(page.getByTestId('history-totals')).toContainText('5 forsøk, 40 koder');
  await expect(page.getByRole('img', { name: /innenfor én av masterkoden/ })).toBeVisible();
  await expect(page.locator('svg circle')).toHaveCount(5);
  await expect(page.getByTestId('history-bias')).toContainText(/Du (setter|treffer) Positivt klima/);
  expect(await axeViolations(page)).toEqual([]);
});

test('coding pages tell a reader who is not logged in to log in', async ({ page }) => {
  await page.goto(`${baseUrl()}/koding/sjekk/`);
  await expect(page.getByText('Logg inn for å kode og få tilbakemelding')).toBeVisible();
  await page.goto(`${baseUrl()}/koding/historikk/`);
  await expect(page.getByText('Du må logge inn')).toBeVisible();
});
