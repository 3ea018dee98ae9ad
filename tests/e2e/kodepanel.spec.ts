// Issue 14, part 3, done when: a panel of three certified observers, in their own browsers,
// produces the validation line on the vignette's page; every page on the way is axe-clean.
import { test, expect, baseUrl, logIn, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import type { Page } from '@playwright/test';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function codeAll(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  await expect(groups.first()).toBeVisible();
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).locator('label.score', { hasText: String(score) }).first().click();
  }
}

/** Presses Tab until `target` has focus: what a keyboard user does. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab nådde aldri fram');
}

/** The same as a keyboard user: Tab into each scale (it lands on 1), arrow right to the score, then send. */
async function codeAllByKeyboard(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  for (let i = 0; i < (await groups.count()); i++) {
    await tabTo(page, groups.nth(i).locator('input').first());
    for (let s = 1; s < score; s++) await page.keyboard.press('ArrowRight');
  }
  await tabTo(page, page.getByRole('button', { name: 'Send inn panelkodene' }));
  await page.keyboard.press('Enter');
}

test('admin opens a panel, three certified observers code blind, admin closes it, and learners read the validation line', async ({ browser }) => {
  test.setTimeout(180_000);
  const url = baseUrl();
  const root = await superuser(url);
  const barnehage = (await createBarnehage(root)).id;
  const admin = await createUser(root, 'admin', barnehage, 'Anne Admin');
  const observers = [];
  for (const name of ['Olav Observatør', 'Siri Sertifisert', 'Pia Pedagog']) {
    const user = await createUser(root, 'deltaker', barnehage, name);
    await root.collection('users').update(user.id, { certified_until: '2099-01-01 00:00:00Z' });
    observers.push(user);
  }
  // A short practice vignette of the real content, one no other test puts in a panel.
  const vignette = await root.collection('vignettes').getFirstListItem('kind = "short" && slug != ""', { sort: '-slug' });

  const adminPage = await (await browser.newContext()).newPage();
  adminPage.on('dialog', (dialog) => void dialog.accept());
  await logIn(adminPage, admin.email, { next: '/admin/kodepanel/' });
  await adminPage.getByLabel('Navn på panelet').fill('Panel for nettleseren');
  await adminPage.getByRole('checkbox', { name: new RegExp(`^${escape(vignette.title)}`) }).check();
  await adminPage.getByRole('button', { name: 'Legg ut til panelkoding' }).click();
  await expect(adminPage.getByText('Kodepanelet «Panel for nettleseren» er åpnet.')).toBeVisible();
  expect(await axeViolations(adminPage)).toEqual([]);

  for (const [i, observer] of observers.entries()) {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, observer.email, { next: '/kodepanel/' });
    const panel = page.getByRole('region', { name: 'Panel for nettleseren' });
    await expect(panel.getByTestId('panel-progress')).toHaveText('Du har kodet 0 av 1 vignetter.');
    if (i === 0) expect(await axeViolations(page)).toEqual([]);
    const codeButton = panel.getByRole('button', { name: `Kod «${vignette.title}»` });
    // The last observer does it all by keyboard.
    if (i === 2) {
      await tabTo(page, codeButton);
      await page.keyboard.press('Enter');
    } else await codeButton.click();
    await expect(page.getByRole('heading', { name: `Kod vignetten: ${vignette.title}` })).toBeFocused();
    if (i === 2) await codeAllByKeyboard(page, 4);
    else {
      await codeAll(page, 4);
      if (i === 0) expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Send inn panelkodene' }).click();
    }
    await expect(page.getByTestId('panel-sent')).toContainText('Du får ingen tilbakemelding før panelet er lukket.');
    await expect(page.getByRole('region', { name: 'Panel for nettleseren' }).getByTestId('panel-progress')).toHaveText('Du har kodet 1 av 1 vignetter.');
    // Blind: nothing of the master code on the observer's page.
    await expect(page.getByText(/Masterkode/)).toHaveCount(0);
    await page.context().close();
  }

  // Before the panel closes, the vignette's page shows no validation line.
  const learnerPage = await (await browser.newContext()).newPage();
  const early = learnerPage.waitForResponse((r) => r.url().includes(`/api/tettpa/vignettes/${vignette.slug}/validation`));
  await learnerPage.goto(`${url}/koding/${vignette.slug}/`);
  expect(await (await early).json()).toMatchObject({ validated: false });
  await expect(learnerPage.getByTestId('panel-validation')).toHaveCount(0);

  await adminPage.reload();
  await adminPage.getByRole('button', { name: 'Lukk «Panel for nettleseren»' }).click();
  await adminPage.getByRole('link', { name: 'Se resultatet av «Panel for nettleseren»' }).first().click();
  await expect(adminPage.getByTestId('panel-summary')).toContainText('3 sertifiserte observatører kodet.');
  await expect(adminPage.getByRole('img', { name: 'Innenfor én per vignett' })).toBeVisible();
  const table = adminPage.getByRole('region', { name: `Panelets koder for ${vignette.title}` });
  await expect(table.locator('tbody tr').first().locator('.codes li')).toHaveText(['4', '4', '4'].map((c) => new RegExp(`^${c}`)));
  await expect(adminPage.getByText('Olav Observatør')).toHaveCount(0);
  expect(await axeViolations(adminPage)).toEqual([]);

  await learnerPage.reload();
  await expect(learnerPage.getByTestId('panel-validation')).toHaveText(/^Masterkodene er kontrollert av 3 sertifiserte observatører: \d{1,3}\s%\sinnenfor én$/);
  expect(await axeViolations(learnerPage)).toEqual([]);
});
