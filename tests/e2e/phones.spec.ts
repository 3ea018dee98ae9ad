// On a phone (360 px) no page scrolls sideways, logged out and logged in as the role the page is
// for, with data in its tables. Wide tables scroll inside their own labelled region and say so.
// The pages are the axe pass's sample (page-sample.ts): every template and every kind of element.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, baseUrl, logIn } from './fixtures';
import { builtPages, samplePages } from './page-sample';
import { createBarnehage, createUser, superuser, type Role, type TestUser } from '../support/accounts';
import { call } from '../support/api';

const root = path.resolve(import.meta.dirname, '..', '..');
const sample = samplePages(builtPages(path.join(root, 'dist'), path.join(root, 'src', 'pages'))).map((p) => p.path);
const phone = { width: 360, height: 740 };

/** The role a page is made for; every other page is a learner's. */
function roleOf(pagePath: string): Role {
  if (pagePath.startsWith('/admin/')) return 'admin';
  if (pagePath.startsWith('/leder/')) return 'styrer';
  if (pagePath.startsWith('/kursleder/')) return 'kursleder';
  return 'deltaker';
}

/** How far the page reaches past the viewport, and the widest elements that make it do so. */
async function sideways(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('[role="region"]'))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} «${(el.textContent ?? '').trim().slice(0, 40)}»`);
    return `${document.documentElement.scrollWidth} px > ${width} px: ${culprits.join(', ')}`;
  });
}

async function visit(page: Page, pagePath: string) {
  await page.goto(`${baseUrl()}${pagePath}`);
  await page.waitForLoadState('networkidle');
}

async function phonePage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: phone })).newPage();
}

/** A kindergarten with a learner who has progress, a practice attempt and a cohort; its styrer; a kursleder; admin. */
async function peopleWithData(): Promise<Record<Role, TestUser>> {
  const su = await superuser(baseUrl());
  const barnehage = (await createBarnehage(su, 'Barnehagen med det aller lengste navnet i hele Bærum kommune')).id;
  const learner = await createUser(su, 'deltaker', barnehage, 'Kristoffer Fredriksen-Hagelund');
  const people: Record<Role, TestUser> = {
    deltaker: learner,
    styrer: await createUser(su, 'styrer', barnehage, 'Sverre Styrer'),
    kursleder: await createUser(su, 'kursleder', barnehage, 'Karoline Kursleder-Kristiansen'),
    admin: await createUser(su, 'admin', barnehage, 'Anne Admin'),
  };
  await learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
  const vignette = await su.collection('vignettes').getFirstListItem('slug = "aktivitetsgrupper-med-tall"');
  const scores = Object.fromEntries((vignette.dimensions as string[]).map((d) => [d, 4]));
  expect((await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: 'aktivitetsgrupper-med-tall', scores })).status).toBe(200);
  const nextYear = new Date().getFullYear() + 1;
  const cohort = await people.kursleder.pb
    .collection('cohorts')
    .create({ leader: people.kursleder.id, name: 'Todagerskurs for assistenter og fagarbeidere', place: 'Bekkestua', day1: `${nextYear}-03-02 08:00:00Z`, day2: `${nextYear}-03-09 08:00:00Z`, capacity: 25 });
  expect((await call(learner.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
  return people;
}

test('the phone pass visits pages of every role', () => {
  expect(new Set(sample.map(roleOf))).toEqual(new Set(['deltaker', 'styrer', 'kursleder', 'admin']));
});

// Logged out, also at 320 px: the narrowest phones still in use.
for (const width of [320, 360]) {
  test(`no page scrolls sideways at ${width} px when logged out`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport: { width, height: 740 } })).newPage();
    const wide: string[] = [];
    for (const pagePath of [...sample, '/denne-siden-finnes-ikke/']) {
      await visit(page, pagePath);
      const found = await sideways(page);
      if (found) wide.push(`${pagePath}: ${found}`);
    }
    expect(wide).toEqual([]);
  });
}

test('no page scrolls sideways at 360 px for the role it is made for, with data in its tables', async ({ browser }) => {
  // About thirty pages logged in, each loading its islands' data: a minute on a quiet machine.
  test.setTimeout(300_000);
  const people = await peopleWithData();
  const wide: string[] = [];
  for (const role of ['deltaker', 'styrer', 'kursleder', 'admin'] as const) {
    const page = await phonePage(browser);
    await logIn(page, people[role].email, { next: '/' });
    for (const pagePath of sample.filter((p) => roleOf(p) === role)) {
      await visit(page, pagePath);
      const found = await sideways(page);
      if (found) wide.push(`${pagePath} (${role}): ${found}`);
      if (pagePath === '/kursleder/') {
        // The participants' grid is the widest table of all: open the cohort to see it.
        await page.getByRole('button', { name: /Åpne/ }).first().click();
        await expect(page.getByTestId(`member-${people.deltaker.id}`)).toBeVisible();
        const grid = await sideways(page);
        if (grid) wide.push(`/kursleder/ with a cohort open: ${grid}`);
      }
    }
    await page.context().close();
  }
  expect(wide).toEqual([]);
});

test('a table wider than the phone scrolls inside its labelled region and says so', async ({ browser }) => {
  const su = await superuser(baseUrl());
  const styrer = await createUser(su, 'styrer', (await createBarnehage(su)).id, 'Sverre Styrer');
  const page = await phonePage(browser);
  await logIn(page, styrer.email, { next: '/leder/' });
  const region = page.getByRole('region', { name: 'Fremdrift per ansatt' });
  await expect(region).toBeVisible();
  await expect(region.getByRole('table')).toBeVisible();
  const hint = page.getByText('Tabellen er bredere enn skjermen: sveip sideveis for å se resten.').first();
  await expect(hint).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // On a wide screen the same table fits, and the hint is gone.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(hint).toBeHidden();
});
