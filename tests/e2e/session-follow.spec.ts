// Issue 16, the rest of "nothing typed is lost" and "every island follows the session": calibration
// codes are kept on the device and sent after a new login; the round screen and the package player
// drop what they show when logged out in another tab and load again after a new login there; a
// package's progress refused with 401 reaches the server after logging in again.
import { test, expect, baseUrl, logIn, freshLearner, axeViolations } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { createBarnehage, createUser, superuser, PASSWORD } from '../support/accounts';
import { call } from '../support/api';
import { reportingPackage } from '../fixtures/scorm-packages';

const SENT_LATER = 'Det du skrev mens du var logget ut eller uten nett, er nå sendt.';

/** Logs out in another tab of the same browser, as on a shared PC. */
async function logOutInAnotherTab(context: BrowserContext) {
  const other = await context.newPage();
  await other.goto(`${baseUrl()}/logg-inn/?logg-ut=1`);
  await expect(other.getByText('Du er logget ut.').first()).toBeVisible();
  await other.close();
}

/** Logs in in another tab of the same browser. */
async function logInInAnotherTab(context: BrowserContext, email: string) {
  const other = await context.newPage();
  await logIn(other, email, { next: '/' });
  await other.close();
}

/** Follows a "Logg inn igjen" link, logs in, and checks it came back to `path`. */
async function logInAgainThrough(page: Page, link: ReturnType<Page['getByRole']>, email: string, path: string) {
  await link.click();
  await page.waitForURL(`${baseUrl()}/logg-inn/?neste=${encodeURIComponent(path)}`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${baseUrl()}${path}`);
}

test('calibration codes sent while logged out are kept on the device and sent after a new login', async ({ page, context }) => {
  test.setTimeout(90_000);
  const root = await superuser(baseUrl());
  const barnehage = await createBarnehage(root);
  const leader = await createUser(root, 'styrer', barnehage.id, 'Nina Nettverksleder');
  const network = await root.collection('nettverk').create({ name: `Nettverk Øst ${Date.now()}`, leaders: [leader.id] });
  await root.collection('barnehager').update(barnehage.id, { nettverk: network.id });
  const observer = await createUser(root, 'deltaker', barnehage.id, 'Olga Observatør');
  await root.collection('users').update(observer.id, { certified_until: new Date(Date.now() + 200 * 86400000).toISOString().replace('T', ' ') });
  const cycle = await root.collection('vignettes').getFirstListItem('kind = "cycle" && pool = "practice" && ageGroup = "toddler"', { sort: 'slug' });
  const opened = await call(leader.pb, 'POST', '/api/tettpa/calibration/rounds', { nettverk: network.id, vignette: cycle.slug, closesAt: new Date(Date.now() + 7 * 86400000).toISOString() });
  expect(opened.status).toBe(200);
  const path = `/koding/kalibrering/?runde=${opened.json.id as string}`;
  const codes = async () => (await root.collection('calibration_codes').getFullList({ filter: root.filter('round = {:r}', { r: opened.json.id }) })).length;

  await logIn(page, observer.email, { next: path });
  const groups = page.locator('fieldset.scale');
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).locator('label.score', { hasText: '4' }).first().click();

  // The form stays, with what was typed, and says it is kept.
  await logOutInAnotherTab(context);
  const alert = page.getByRole('alert').filter({ hasText: 'Du er logget ut.' }).last();
  await expect(alert).toContainText('Du er logget ut. Logg inn igjen Det du har skrevet, er lagret på denne enheten');
  await expect(page.locator('fieldset.scale input:checked')).toHaveCount(count);

  await page.getByRole('button', { name: 'Send inn kodene mine' }).click();
  await expect(alert).toContainText('Det du skrev, er lagret på denne enheten og sendes når du har logget inn igjen.');
  expect(await codes()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  // The link comes back to this round, and the kept codes go.
  await logInAgainThrough(page, alert.getByRole('link', { name: 'Logg inn igjen' }), observer.email, path);
  await expect(page.getByTestId('calibration-waiting')).toContainText('Kodene dine er sendt');
  await expect(page.getByText(SENT_LATER)).toBeVisible();
  expect(await codes()).toBe(1);
});

test('the round screen drops the round when the leader is logged out in another tab, and shows it live again after a new login there', async ({ page, context }) => {
  const root = await superuser(baseUrl());
  const barnehage = await createBarnehage(root);
  const leader = await createUser(root, 'kursleder', barnehage.id, 'Rune Rundeleder');
  const member = await createUser(root, 'deltaker', barnehage.id);
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Skjermgruppe', capacity: 25 });
  expect((await call(member.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
  const round = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: 'vannmugge-og-brodfat' });
  expect(round.status).toBe(200);
  const path = `/kursleder/runde/?runde=${round.json.id as string}`;

  await logIn(page, leader.email, { next: path });
  const count = page.getByTestId('round-count');
  await expect(count).toHaveText('0 av 1 har levert');

  await logOutInAnotherTab(context);
  const gone = page.locator('.notice.error').filter({ hasText: 'Du er logget ut.' });
  await expect(gone.getByRole('link', { name: 'Logg inn igjen' })).toHaveAttribute('href', `/logg-inn/?neste=${encodeURIComponent(path)}`);
  await expect(count).toHaveCount(0);
  await expect(page.getByTestId('projector-vignette')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await logInInAnotherTab(context, leader.email);
  await expect(count).toHaveText('0 av 1 har levert');
  await expect(gone).toHaveCount(0);
  // Live again: a member's codes are counted without a reload.
  const scores = Object.fromEntries(['negative-climate', 'regard-for-child-perspectives', 'behavior-guidance'].map((d) => [d, 4]));
  expect((await call(member.pb, 'POST', `/api/tettpa/rounds/${round.json.id as string}/codes`, { scores })).status).toBe(200);
  await expect(count).toHaveText('1 av 1 har levert');
});

async function uploadPackage(): Promise<string> {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id);
  const form = new FormData();
  form.append('file', new Blob([reportingPackage() as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'pakke.zip');
  const res = await fetch(`${baseUrl()}/api/tettpa/scorm/packages`, { method: 'POST', body: form, headers: { Authorization: admin.pb.authStore.token } });
  return ((await res.json()) as { id: string }).id;
}

async function packageRow(userId: string, packageId: string) {
  const root = await superuser(baseUrl());
  return (await root.collection('progress').getFullList({ filter: root.filter('user = {:u} && course = {:c}', { u: userId, c: `pakke-${packageId}` }) }))[0];
}

test('the package player leaves the screen when logged out in another tab, and plays on from the same place after a new login there', async ({ page, context }) => {
  const id = await uploadPackage();
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: `/eksterne-kurs/?pakke=${id}` });
  const sco = page.frameLocator('iframe[title^="Kursinnhold"]');
  await expect(sco.getByText('Start: ab-initio / side-1 / -')).toBeVisible();
  await sco.getByRole('button', { name: 'Til side 2' }).click();
  await expect.poll(async () => (await packageRow(learner.id, id))?.location).toBe('side-2');

  await logOutInAnotherTab(context);
  const gone = page.locator('main .notice.error').filter({ hasText: 'Du er logget ut.' });
  await expect(gone.getByRole('link', { name: 'Logg inn igjen' })).toHaveAttribute('href', `/logg-inn/?neste=${encodeURIComponent(`/eksterne-kurs/?pakke=${id}`)}`);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await logInInAnotherTab(context, learner.email);
  await expect(sco.getByText('Start: resume / side-2 / notat fra side 1')).toBeVisible();
  await expect(gone).toHaveCount(0);
});

test('a package’s progress refused with 401 is kept and reaches the server after logging in again from the notice', async ({ page }) => {
  const id = await uploadPackage();
  const path = `/eksterne-kurs/?pakke=${id}`;
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: path });
  const sco = page.frameLocator('iframe[title^="Kursinnhold"]');
  await expect(sco.getByText('Start: ab-initio / side-1 / -')).toBeVisible();
  await expect.poll(async () => (await packageRow(learner.id, id))?.status).toBe('incomplete');

  // The server says the session is gone (an expired token) when the package commits.
  const progress = '**/api/collections/progress/records**';
  await page.route(progress, (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ status: 401, message: 'The request requires valid record authorization token.', data: {} }) }));
  await sco.getByRole('button', { name: 'Til side 2' }).click();
  const told = page.locator('.sync');
  await expect(told).toContainText('Du er logget ut.');
  expect((await packageRow(learner.id, id))?.location).not.toBe('side-2');
  await page.unroute(progress);

  await logInAgainThrough(page, told.getByRole('link', { name: 'Logg inn igjen' }), learner.email, path);
  await expect(sco.getByText('Start: resume / side-2 / notat fra side 1')).toBeVisible();
  await expect.poll(async () => (await packageRow(learner.id, id))?.location).toBe('side-2');
});
