// The round screen on a 1920 × 1080 projector: no site chrome, type that carries to the back of a
// room, the count and the reveal on one screen without scrolling, the leader's keys, and the
// leader's own device as a remote; a wrong address answers in Norwegian.
import { test, expect, baseUrl, logIn, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { call } from '../support/api';
import type { Page } from '@playwright/test';

const VIGNETTE = 'vannmugge-og-brodfat'; // the longest short vignette: if it fits, they all do
const DIMENSIONS = ['negative-climate', 'regard-for-child-perspectives', 'behavior-guidance'];
const FULL_HD = { width: 1920, height: 1080 };

async function px(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
}

/** Neither the page nor the stage scrolls: everything the room should see is on the screen. */
async function expectNoScrolling(page: Page) {
  const sizes = await page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>('[data-testid="projector-stage"]')!;
    return { page: document.documentElement.scrollHeight, window: window.innerHeight, width: document.documentElement.scrollWidth, stage: stage.scrollHeight, stageBox: stage.clientHeight };
  });
  expect(sizes.page).toBeLessThanOrEqual(sizes.window);
  expect(sizes.width).toBeLessThanOrEqual(FULL_HD.width);
  expect(sizes.stage).toBeLessThanOrEqual(sizes.stageBox);
}

test('the projector shows the count and then the reveal on one 1920 × 1080 screen, no site menu, big type, driven by keys or the leader’s phone', async ({ browser }) => {
  test.setTimeout(120_000);
  const root = await superuser(baseUrl());
  const barnehage = await createBarnehage(root);
  const leader = await createUser(root, 'kursleder', barnehage.id, 'Projektor Kursleder');
  const people = [await createUser(root, 'deltaker', barnehage.id), await createUser(root, 'deltaker', barnehage.id)];
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Storskjermgruppe', capacity: 25 });
  for (const p of people) expect((await call(p.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
  const round = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: VIGNETTE });
  expect(round.status).toBe(200);
  const roundId = round.json.id as string;

  const screen = await (await browser.newContext({ viewport: FULL_HD })).newPage();
  await logIn(screen, leader.email, { next: `/kursleder/runde/?runde=${roundId}` });
  const count = screen.getByTestId('round-count');
  await expect(count).toHaveText('0 av 2 har levert');

  // No site chrome: no menu, no "Innlogget som", nobody's name for the room to read.
  await expect(screen.locator('.site-header')).toHaveCount(0);
  await expect(screen.getByRole('navigation')).toHaveCount(0);
  await expect(screen.getByText('Projektor Kursleder')).toHaveCount(0);

  // Readable from the back of the room: the vignette and the count at 28 px or more.
  expect(Math.min(...(await px(screen, '[data-testid="projector-vignette"] p')))).toBeGreaterThanOrEqual(28);
  expect((await px(screen, '[data-testid="round-count"]'))[0]).toBeGreaterThanOrEqual(28);
  await expect(count).toBeInViewport({ ratio: 1 });
  await expect(screen.getByRole('button', { name: 'Vis resultatet' })).toBeInViewport({ ratio: 1 });
  await expect(screen.getByTestId('projector-help')).toContainText('Page Down');
  await expectNoScrolling(screen);
  expect(await axeViolations(screen)).toEqual([]);

  for (const [i, p] of people.entries()) {
    const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, 4]));
    expect((await call(p.pb, 'POST', `/api/tettpa/rounds/${roundId}/codes`, { scores })).status).toBe(200);
    await expect(count).toHaveText(`${i + 1} av 2 har levert`);
  }

  // The leader's own device: the same count, and the reveal from there.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await logIn(phone, leader.email, { next: '/kursleder/' });
  await phone.getByRole('button', { name: /Åpne/ }).click();
  const remote = phone.getByTestId('round-remote');
  await expect(remote).toContainText('2 av 2 har levert');
  expect(await axeViolations(phone)).toEqual([]);
  await remote.getByRole('button', { name: 'Vis resultatet' }).click();
  await expect(remote).toContainText('Resultatet vises');

  // The big screen follows by itself, and the group's codes fill it.
  const charts = screen.locator('[data-testid^="distribution-"]');
  await expect(charts).toHaveCount(DIMENSIONS.length);
  for (let i = 0; i < DIMENSIONS.length; i++) await expect(charts.nth(i)).toBeInViewport({ ratio: 1 });
  await expect(screen.getByText(/Masterkode: \d/).first()).toBeInViewport();
  await expect(count).toBeInViewport({ ratio: 1 });
  const chartHeight = await screen.locator('[data-testid="projector-stage"]').evaluate((el) => el.getBoundingClientRect().height);
  expect(chartHeight).toBeGreaterThan(FULL_HD.height * 0.6);
  const barColumn = await charts.first().locator('tbody td').first().evaluate((el) => el.getBoundingClientRect().height);
  expect(barColumn).toBeGreaterThan(FULL_HD.height * 0.3);
  // Dimension names are not broken in the middle of a word.
  const captions = await charts.locator('caption').evaluateAll((els) => els.map((el) => getComputedStyle(el).hyphens + ' ' + getComputedStyle(el).wordBreak));
  for (const c of captions) expect(c).toBe('manual normal');
  await expectNoScrolling(screen);
  expect(await axeViolations(screen)).toEqual([]);

  // Keys: Page Down to the reflection, Page Up back to the chart.
  await screen.locator('body').click({ position: { x: 5, y: 5 } });
  await screen.keyboard.press('PageDown');
  await expect(screen.getByRole('heading', { name: 'Refleksjon i reflekterende team' })).toBeInViewport();
  await expect(charts).toHaveCount(0);
  await expectNoScrolling(screen);
  await screen.keyboard.press('PageUp');
  await expect(charts).toHaveCount(DIMENSIONS.length);
});

test('Enter on the big screen reveals the round', async ({ browser }) => {
  const root = await superuser(baseUrl());
  const barnehage = await createBarnehage(root);
  const leader = await createUser(root, 'kursleder', barnehage.id);
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Tastaturgruppe', capacity: 25 });
  const round = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: VIGNETTE });
  const screen = await (await browser.newContext({ viewport: FULL_HD })).newPage();
  await logIn(screen, leader.email, { next: `/kursleder/runde/?runde=${round.json.id}` });
  await expect(screen.getByTestId('round-count')).toHaveText('0 av 0 har levert');
  await screen.locator('body').click({ position: { x: 5, y: 5 } });
  await screen.keyboard.press('Enter');
  await expect(screen.locator('[data-testid^="distribution-"]')).toHaveCount(DIMENSIONS.length);
  expect((await root.collection('cohort_rounds').getOne(round.json.id)).status).toBe('revealed');
});

test('a wrong or missing round id is told in Norwegian, never PocketBase’s English', async ({ page }) => {
  const root = await superuser(baseUrl());
  const leader = await createUser(root, 'kursleder', (await createBarnehage(root)).id);
  await logIn(page, leader.email, { next: '/kursleder/' });
  for (const [query, text] of [
    ['?runde=finnesikke12345', 'Fant ikke kodingsrunden.'],
    ['?runde=feil', 'Fant ikke kodingsrunden.'],
    ['', 'Adressen sier ikke hvilken kodingsrunde som skal vises.'],
  ] as const) {
    await page.goto(`${baseUrl()}/kursleder/runde/${query}`);
    await expect(page.getByRole('alert')).toContainText(text);
    await expect(page.locator('body')).not.toContainText(/The requested resource|Missing required|wasn't found/);
  }
  expect(await axeViolations(page)).toEqual([]);
});
