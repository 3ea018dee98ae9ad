// The course leader's page: the cohort form refuses impossible dates and sizes in Norwegian,
// cohorts can be archived and brought back, and the participants' grid has a legend and keeps
// "Fjern" in view on a phone.
import { test, expect, baseUrl, logIn, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { call } from '../support/api';
import type { Page } from '@playwright/test';

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function fill(page: Page, form: { name?: string; day1: string; day2: string; capacity?: string }) {
  await page.getByLabel('Navn på gruppen').fill(form.name ?? 'Vårkurset');
  await page.getByLabel('Dag 1').fill(form.day1);
  await page.getByLabel('Dag 2').fill(form.day2);
  await page.getByLabel('Antall plasser (høyst 25)').fill(form.capacity ?? '25');
  await page.getByRole('button', { name: 'Lag kursgruppen' }).click();
}

test('the cohort form refuses impossible dates and capacities with a Norwegian message and stores nothing', async ({ page }) => {
  const su = await superuser(baseUrl());
  const leader = await createUser(su, 'kursleder', (await createBarnehage(su)).id, 'Kari Kursleder');
  await logIn(page, leader.email, { next: '/kursleder/' });
  const error = page.getByTestId('cohort-form-error');
  const cases: Array<[Parameters<typeof fill>[1], string, string]> = [
    [{ day1: isoDay(14), day2: isoDay(7) }, 'Dag 2 kan ikke være før dag 1.', 'Dag 2'],
    [{ day1: isoDay(-1), day2: isoDay(7) }, 'Dag 1 kan ikke være en dato som har vært.', 'Dag 1'],
    [{ day1: isoDay(7), day2: isoDay(14), capacity: '30' }, 'Antall plasser må være et helt tall fra 1 til 25.', 'Antall plasser (høyst 25)'],
    [{ day1: isoDay(7), day2: isoDay(14), capacity: '0' }, 'Antall plasser må være et helt tall fra 1 til 25.', 'Antall plasser (høyst 25)'],
  ];
  for (const [form, message, field] of cases) {
    await fill(page, form);
    await expect(error).toHaveText(message);
    await expect(page.getByLabel(field)).toHaveAttribute('aria-invalid', 'true');
  }
  expect(await axeViolations(page)).toEqual([]);
  expect(await su.collection('cohorts').getFullList({ filter: su.filter('leader = {:l}', { l: leader.id }) })).toHaveLength(0);

  await fill(page, { day1: isoDay(7), day2: isoDay(14), capacity: '12' });
  await expect(page.getByTestId('created-message')).toBeVisible();
  const [stored] = await su.collection('cohorts').getFullList({ filter: su.filter('leader = {:l}', { l: leader.id }) });
  expect(stored?.capacity).toBe(12);
  // No place given: the dates stand alone, with no stray comma in front.
  await expect(page.getByTestId(`cohort-${stored!.id}`).locator('p.muted')).toHaveText(/^\d+\. \S+ \d{4} og \d+\. \S+ \d{4}$/);
});

test('a cohort is archived out of the active list, kept under Arkiverte kursgrupper, and brought back', async ({ page }) => {
  const su = await superuser(baseUrl());
  const leader = await createUser(su, 'kursleder', (await createBarnehage(su)).id, 'Kari Kursleder');
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Høstkurset', place: 'Sandvika', day1: `${isoDay(10)} 08:00:00Z`, day2: `${isoDay(17)} 08:00:00Z` });
  await logIn(page, leader.email, { next: '/kursleder/' });
  const card = page.getByTestId(`cohort-${cohort.id}`);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Arkiver Høstkurset' }).click();
  await expect(page.getByTestId('archive-message')).toHaveText('Kursgruppen «Høstkurset» er arkivert. Du finner den under Arkiverte kursgrupper.');
  await expect(card).toHaveCount(0);
  expect((await su.collection('cohorts').getOne(cohort.id)).archived).toBe(true);

  // Kept: after a reload it is still there, under the archived ones.
  await page.reload();
  await expect(page.getByTestId(`cohort-${cohort.id}`)).toHaveCount(0);
  const archived = page.getByTestId('archived-cohorts');
  await archived.getByText('Arkiverte kursgrupper (1)').click();
  await expect(archived.getByTestId(`archived-${cohort.id}`)).toContainText('Høstkurset');
  expect(await axeViolations(page)).toEqual([]);
  await archived.getByRole('button', { name: 'Hent tilbake Høstkurset' }).click();
  await expect(page.getByTestId(`cohort-${cohort.id}`)).toBeVisible();
  expect((await su.collection('cohorts').getOne(cohort.id)).archived).toBe(false);
});

test('the participants’ grid has a legend and keeps each Fjern button in view while it scrolls on a phone', async ({ browser }) => {
  const su = await superuser(baseUrl());
  const barnehage = (await createBarnehage(su)).id;
  const leader = await createUser(su, 'kursleder', barnehage, 'Kari Kursleder');
  const learner = await createUser(su, 'deltaker', barnehage, 'Kristoffer Fredriksen-Hagelund');
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Vinterkurset', place: 'Bekkestua', day1: `${isoDay(10)} 08:00:00Z`, day2: `${isoDay(17)} 08:00:00Z` });
  const empty = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Tomt kurs', place: 'Bekkestua', day1: `${isoDay(30)} 08:00:00Z`, day2: `${isoDay(37)} 08:00:00Z` });
  expect((await call(learner.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);

  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await logIn(page, leader.email, { next: '/kursleder/' });
  // A cohort without participants points to the page by its name, not by a bare address.
  await page.getByTestId(`cohort-${empty.id}`).getByRole('button', { name: /Åpne/ }).click();
  await expect(page.getByRole('link', { name: 'Kursgruppe', exact: true }).last()).toHaveAttribute('href', '/kursgruppe/');
  await expect(page.getByText('/kursgruppe/')).toHaveCount(0);
  await page.getByRole('button', { name: /Tilbake til kursgruppene/ }).click();

  await page.getByTestId(`cohort-${cohort.id}`).getByRole('button', { name: /Åpne/ }).click();
  await expect(page.getByTestId('grid-legend')).toContainText('✓ betyr at deltakeren har fullført leksjonen');
  const region = page.getByRole('region', { name: 'Fremdrift i todagerskurset' });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const remove = page.getByRole('button', { name: 'Fjern Kristoffer Fredriksen-Hagelund' });
  const box = (await remove.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // Nothing of the grid covers it: a click reaches the button.
  page.once('dialog', (dialog) => void dialog.accept());
  await remove.click();
  await expect(page.getByTestId(`member-${learner.id}`)).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});
