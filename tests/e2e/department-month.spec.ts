// Issue 12, "Done when": three employees of the demo department hand in praksisfortellinger in
// real browsers, the pedagogical leader runs the meeting page and records what the department
// tries out, every member sees it on Min side, and the styrer sees "3 av 3" and no story.
import { test, expect, logIn, axeViolations } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../scripts/lib/config.mjs';

const members = ['ansatt1@demo.tettpa.no', 'ansatt2@demo.tettpa.no', 'ansatt3@demo.tettpa.no'];
const leaderEmail = 'pedleder@demo.tettpa.no';
const agreement = 'Vi setter ord på det barna gjør i garderoben, hver dag.';

/** About 110 words in the first person, with a marker so the test can look for the text later. */
const storyOf = (i: number, child = '') =>
  `Fortelling nummer ${i}. ` +
  `Jeg satt ved bordet med fire barn da ${child || 'en gutt'} begynte å dytte stolen sin. ` +
  'Jeg kjente at jeg ble stresset, fordi vi skulle gå ut snart. '.repeat(3) +
  'I stedet for å si stopp flyttet jeg meg nærmere og spurte hva han trengte. Han pekte på vinduet. ' +
  'Vi så på snøen sammen i et halvt minutt, og så satte han seg igjen. '.repeat(4) +
  'Etterpå tenkte jeg at jeg kunne ha sagt tidligere hva som skulle skje.';

async function pageAs(browser: Browser, email: string, next: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, { next, password: DEMO_PASSWORD });
  return page;
}

test('the department’s month, from the stories to the styrer’s "3 av 3"', async ({ browser }) => {
  // Five people in their own browsers, and four full axe scans: more than the default minute.
  test.setTimeout(180_000);
  const memberPages: Page[] = [];
  for (const [i, email] of members.entries()) {
    const page = await pageAs(browser, email, '/min-side/');
    memberPages.push(page);
    const section = page.getByTestId('department-month');
    await expect(section.getByRole('heading', { name: 'Avdelingens måned' })).toBeVisible();
    await expect(section.getByRole('heading', { name: /Månedens dimensjon:/ })).toBeVisible();
    const field = section.getByLabel('Din praksisfortelling');
    await field.fill(storyOf(i + 1, i === 0 ? 'Mathias' : ''));
    await expect(section.getByText(/ord\. Fin lengde\./)).toBeVisible();
    if (i === 0) {
      await expect(section.getByTestId('name-warning')).toContainText('Mathias');
      // Taking the name out takes the warning away.
      await field.fill(storyOf(1));
      await expect(section.getByTestId('name-warning')).toHaveCount(0);
      // Without the confirmation, nothing is handed in.
      await section.getByRole('button', { name: 'Lever fortellingen' }).click();
      await expect(section.getByRole('alert')).toContainText('Kryss av');
      expect(await axeViolations(page)).toEqual([]);
    }
    await section.getByLabel('Jeg har sjekket at ingen barn kan kjennes igjen i fortellingen.').check();
    await section.getByRole('button', { name: 'Lever fortellingen' }).click();
    await expect(section.getByRole('status')).toContainText('Fortellingen er levert.');
  }

  // The leader's meeting page, on the projector in the meeting room.
  const leader = await pageAs(browser, leaderEmail, '/avdeling/');
  await leader.setViewportSize({ width: 1920, height: 1080 });
  await expect(leader.getByTestId('meeting-counts')).toHaveText('3 av 3 har levert praksisfortelling.');
  expect(await axeViolations(leader)).toEqual([]);
  const stories = leader.getByTestId('leader-story');
  await expect(stories).toHaveCount(3);
  await stories.nth(0).getByRole('checkbox').check();
  await stories.nth(2).getByRole('checkbox').check();
  await leader.getByRole('button', { name: 'Vis på storskjerm' }).click();
  const projector = leader.getByTestId('projector');
  await expect(projector.getByRole('heading', { name: 'Fortelling 1 av 2' })).toBeVisible();
  await expect(projector).toContainText('Fortelling nummer 1.');
  for (const name of ['Ali Assistent', 'Frida Fagarbeider', 'Bo Barnehagelærer']) await expect(projector).not.toContainText(name);
  await projector.getByRole('button', { name: 'Neste fortelling' }).click();
  await expect(projector).toContainText('Fortelling nummer 3.');
  await leader.keyboard.press('Escape');
  await expect(projector).toBeHidden();

  // The run sheet: the platform's suggestion, steps with their time, and whose turn it is.
  await expect(leader.getByText('Stegene og tidene er plattformens forslag')).toBeVisible();
  const current = leader.getByTestId('current-phase');
  await expect(current).toContainText('Steg 1 av 7: Innledning');
  await current.getByRole('button', { name: 'Neste steg' }).click();
  await expect(current).toContainText('Ordet har fortelleren: Ali Assistent');
  await current.getByRole('button', { name: 'Neste steg' }).click();
  await expect(current).toContainText('Ordet har: Bo Barnehagelærer');
  await current.getByRole('button', { name: 'Neste i runden' }).click();
  await expect(current).toContainText('Ordet har: Frida Fagarbeider');
  await expect(current.getByRole('timer')).toHaveText('05:00');

  await leader.getByLabel('Det avdelingen avtaler å prøve ut fram til neste møte').fill(agreement);
  await leader.getByRole('button', { name: 'Lagre avtalen' }).click();
  await expect(leader.getByRole('status').filter({ hasText: 'Avtalen er lagret' })).toBeVisible();

  // The same page on the leader's phone.
  await leader.setViewportSize({ width: 390, height: 844 });
  expect(await leader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(leader)).toEqual([]);

  // Every member sees what the department tries out.
  for (const page of memberPages) {
    await page.reload();
    await expect(page.getByTestId('agreed')).toContainText(agreement);
  }

  // The styrer sees "3 av 3" and what was agreed, and no story.
  const styrer = await pageAs(browser, 'styrer@demo.tettpa.no', '/leder/');
  const overview = styrer.getByTestId('department-overview');
  const row = overview.getByRole('row', { name: /Blåklokka/ });
  await expect(row.getByTestId('submitted')).toHaveText('3 av 3');
  await expect(row).toContainText(agreement);
  await expect(styrer.locator('body')).not.toContainText('Fortelling nummer');
  expect(await axeViolations(styrer)).toEqual([]);
});

test('the styrer sets up a department and places a person, by keyboard; admin sees numbers only', async ({ browser }) => {
  test.setTimeout(120_000);
  const styrer = await pageAs(browser, 'styrer@demo.tettpa.no', '/leder/avdelinger/');
  await expect(styrer.getByTestId('department-list').getByText('Blåklokka', { exact: true })).toBeVisible();
  expect(await axeViolations(styrer)).toEqual([]);
  await styrer.getByLabel('Navn på avdelingen').focus();
  await styrer.keyboard.type('Solsikken');
  await styrer.keyboard.press('Enter');
  await expect(styrer.getByRole('status')).toHaveText('Avdelingen Solsikken er lagt til.');
  await expect(styrer.getByTestId('department-list').getByText('Solsikken', { exact: true })).toBeVisible();
  const place = styrer.getByLabel('Avdeling for Kari Kursleder');
  await place.focus();
  await place.selectOption({ label: 'Solsikken' });
  await expect(styrer.getByRole('status')).toHaveText('Kari Kursleder hører nå til Solsikken.');

  // A name that is taken is refused in Norwegian, and nothing more is made.
  await styrer.getByLabel('Navn på avdelingen').fill('Solsikken');
  await styrer.getByRole('button', { name: 'Legg til avdelingen' }).click();
  await expect(styrer.getByRole('alert')).toContainText('Det finnes allerede en avdeling som heter «Solsikken»');

  const admin = await pageAs(browser, 'admin@demo.tettpa.no', '/admin/');
  const numbers = admin.getByTestId('department-numbers');
  await expect(numbers.getByRole('row', { name: /Demo barnehage/ })).toBeVisible();
  await expect(numbers.getByRole('heading', { name: 'Per pulje' })).toBeVisible();
  expect(await axeViolations(admin)).toEqual([]);
});

test('the leader chooses another dimension and sets the meeting date for next month', async ({ browser }) => {
  const leader = await pageAs(browser, leaderEmail, '/avdeling/');
  await leader.getByRole('button', { name: 'Neste måned' }).click();
  await leader.getByLabel('Månedens dimensjon').selectOption({ label: 'Språkstøtte' });
  await leader.getByLabel('Avdelingsmøtet (dato og klokkeslett)').fill('2031-05-14T12:00');
  await leader.getByRole('button', { name: 'Lagre planen' }).click();
  await expect(leader.getByRole('status').filter({ hasText: 'Planen er lagret.' })).toBeVisible();
  await leader.reload();
  await leader.getByRole('button', { name: 'Neste måned' }).click();
  await expect(leader.getByLabel('Månedens dimensjon')).toHaveValue('language-modeling');
  await expect(leader.locator('tr[aria-current="true"]')).toContainText('Språkstøtte');
});
