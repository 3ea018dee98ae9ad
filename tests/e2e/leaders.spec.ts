// Leaders see at a glance: a styrer and admin land on their overview, which opens with a summary
// and a chart whose numbers are also a table; the tables sort (aria-sort) and filter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, baseUrl, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser, PASSWORD, type TestUser } from '../support/accounts';

const root = path.resolve(import.meta.dirname, '..', '..');
const courseIndex = JSON.parse(readFileSync(path.join(root, 'dist', 'kurs', 'index.json'), 'utf8')) as { courses: Array<{ id: string; title: string; lessons: Array<{ id: string }> }> };
const nyansatt = courseIndex.courses.find((c) => c.id === 'nyansatt')!;

/** Logs in the way a person does: no ?neste=, so the role decides where they land. */
async function logInPlainly(page: Page, email: string, next?: string) {
  await page.goto(`${baseUrl()}/logg-inn/${next ? `?neste=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

async function kindergartenWithStaff() {
  const su = await superuser(baseUrl());
  const barnehage = await createBarnehage(su, `Solsikken ${Date.now()}`);
  const styrer = await createUser(su, 'styrer', barnehage.id, 'Siri Styrer');
  const make = async (name: string, stilling: string) => {
    const person = await createUser(su, 'deltaker', barnehage.id, name);
    await su.collection('users').update(person.id, { stilling });
    return person;
  };
  const staff = { aase: await make('Åse Assistent', 'assistent'), bjorn: await make('Bjørn Barnehagelærer', 'pedagog'), cato: await make('Cato Assistent', 'assistent') };
  // Åse has finished the course for new staff, Bjørn has begun it, Cato has not begun anything.
  for (const lesson of nyansatt.lessons) await staff.aase.pb.collection('progress').create({ user: staff.aase.id, course: 'nyansatt', lesson: lesson.id, status: 'completed' });
  await staff.bjorn.pb.collection('progress').create({ user: staff.bjorn.id, course: 'nyansatt', lesson: nyansatt.lessons[0]!.id, status: 'completed' });
  return { su, barnehage, styrer, staff };
}

const rowNames = (page: Page) => page.getByRole('region', { name: 'Fremdrift per ansatt' }).locator('tbody th[scope="row"]').allTextContents();

test('a styrer and admin land on their overview after logging in; a learner on Min side; ?neste= wins', async ({ browser }) => {
  const su = await superuser(baseUrl());
  const barnehage = (await createBarnehage(su)).id;
  const cases: Array<[TestUser, string | undefined, string]> = [
    [await createUser(su, 'styrer', barnehage), undefined, '/leder/'],
    [await createUser(su, 'admin', barnehage), undefined, '/admin/'],
    [await createUser(su, 'deltaker', barnehage), undefined, '/min-side/'],
    [await createUser(su, 'styrer', barnehage), '/kurs/', '/kurs/'],
  ];
  for (const [user, next, landing] of cases) {
    const page = await (await browser.newContext()).newPage();
    await logInPlainly(page, user.email, next);
    await page.waitForURL(`${baseUrl()}${landing}`);
    await page.context().close();
  }
});

test('/leder/ opens with a summary: begun and finished per course and per stilling, as a chart and as tables', async ({ page }) => {
  const { styrer } = await kindergartenWithStaff();
  await logInPlainly(page, styrer.email);
  await page.waitForURL(`${baseUrl()}/leder/`);
  const summary = page.getByTestId('leader-summary');
  // Four staff (the styrer too): two have begun a course, one has finished one.
  await expect(summary.getByTestId('summary-totals')).toHaveText('4 ansatte. 2 har begynt på minst ett kurs, og 1 har fullført minst ett.');
  const chart = summary.getByRole('img', { name: 'Ansatte i barnehagen som har begynt på og fullført hvert kurs' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText(`${nyansatt.title}: 1 har fullført og 2 har begynt, av 4 ansatte.`);
  await expect(summary.getByRole('table', { name: 'Per kurs' }).getByTestId(`course-${nyansatt.title}`)).toHaveText(new RegExp(`${nyansatt.title}\\s*4\\s*2\\s*1`));
  const perStilling = summary.getByRole('table', { name: 'Per stilling' });
  await expect(perStilling.getByTestId('group-Assistent')).toHaveText(/Assistent\s*2\s*1\s*1/);
  await expect(perStilling.getByTestId('group-Barnehagelærer')).toHaveText(/Barnehagelærer\s*1\s*1\s*0/);
  expect(await axeViolations(page)).toEqual([]);
});

test('the staff table sorts by a header button with aria-sort, and a search narrows it', async ({ page }) => {
  const { styrer } = await kindergartenWithStaff();
  await logInPlainly(page, styrer.email);
  await page.waitForURL(`${baseUrl()}/leder/`);
  const table = page.getByRole('region', { name: 'Fremdrift per ansatt' });
  const nameHeader = table.getByRole('columnheader', { name: /Navn/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  // Norwegian order: Å comes last.
  expect(await rowNames(page)).toEqual(['Bjørn Barnehagelærer', 'Cato Assistent', 'Siri Styrer', 'Åse Assistent']);
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await rowNames(page)).toEqual(['Åse Assistent', 'Siri Styrer', 'Cato Assistent', 'Bjørn Barnehagelærer']);

  // Sorting by a course puts the furthest along last when ascending.
  const courseHeader = table.getByRole('columnheader', { name: new RegExp(nyansatt.title) });
  await courseHeader.getByRole('button').click();
  await expect(courseHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  expect((await rowNames(page)).slice(-2)).toEqual(['Bjørn Barnehagelærer', 'Åse Assistent']);

  await page.getByLabel('Søk etter navn').fill('assistent');
  await expect(page.getByText('2 ansatte vises')).toBeVisible();
  expect((await rowNames(page)).sort()).toEqual(['Cato Assistent', 'Åse Assistent']);
  await page.getByLabel('Søk etter navn').fill('ÅSE');
  expect(await rowNames(page)).toEqual(['Åse Assistent']);
  expect(await axeViolations(page)).toEqual([]);
});

test('/admin/ opens with a summary chart and sorts and searches the kindergartens', async ({ page }) => {
  const { su, barnehage } = await kindergartenWithStaff();
  const admin = await createUser(su, 'admin', barnehage.id, 'Anne Admin');
  await logInPlainly(page, admin.email);
  await page.waitForURL(`${baseUrl()}/admin/`);
  const summary = page.getByTestId('admin-summary');
  await expect(summary.getByRole('img', { name: 'Ansatte i alle barnehagene som har begynt på og fullført hvert kurs' })).toBeVisible();
  await expect(summary.getByRole('table', { name: 'Per kurs' }).getByTestId(`course-${nyansatt.title}`)).toBeVisible();

  const table = page.getByRole('table', { name: 'Per barnehage' });
  await page.getByLabel('Søk etter barnehage').fill(barnehage.name);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  // Five staff (with admin): one finished, two begun.
  await expect(table.getByTestId(`barnehage-${barnehage.id}`)).toContainText('20 %');
  await expect(table.getByTestId(`barnehage-${barnehage.id}`)).toContainText('begynt: 40 %');
  await page.getByLabel('Søk etter barnehage').fill('');
  const header = table.getByRole('columnheader', { name: /Ansatte/ });
  await header.getByRole('button').click();
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const staff = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
  expect(staff).toEqual([...staff].sort((a, b) => b - a));
  expect(await axeViolations(page)).toEqual([]);
});
