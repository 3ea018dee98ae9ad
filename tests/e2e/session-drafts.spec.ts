// Issue 16: nothing typed is lost through a lost session. A praksisfortelling and codes are kept on
// the device, shown again after logging in and sent; every island follows the session live; offline
// is told apart from a server that does not answer; a double click stores once; a capitalised
// e-mail logs in and logging out leaves nothing of the user in the header.
import { test, expect, baseUrl, logIn, freshLearner, axeViolations } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { createBarnehage, createUser, superuser, PASSWORD } from '../support/accounts';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';
import { DEMO_PASSWORD } from '../../scripts/lib/config.mjs';
import { createCycle } from '../support/vignette-fixtures';

const vignette = (readVignettes() as Array<{ slug: string; kind: string; pool?: string }>).find((v) => v.kind === 'short' && v.pool !== 'check')!;
const CODING = `/koding/${vignette.slug}/`;
const SENT_LATER = 'Det du skrev mens du var logget ut eller uten nett, er nå sendt.';

const story = (marker: string) =>
  `${marker} Jeg satt på gulvet med tre barn som bygde et tårn. Da det falt, så Noah på meg før han begynte å gråte. ` +
  'Jeg sa at det var leit, og spurte om vi skulle bygge det igjen sammen. '.repeat(3) +
  'Han rakte meg en kloss, og vi begynte på nytt. Etterpå tenkte jeg på hvor raskt han søkte blikket mitt. '.repeat(3);

/** A learner who belongs to a department of a new kindergarten, so Min side shows the month's story form. */
async function departmentMember() {
  const root = await superuser(baseUrl());
  const barnehage = await createBarnehage(root);
  const avdeling = await root.collection('avdelinger').create({ barnehage: barnehage.id, name: `Solsikken ${barnehage.id}`, ageGroup: 'pre-k', leaders: [] });
  const member = await createUser(root, 'deltaker', barnehage.id, 'Mia Medlem');
  await root.collection('users').update(member.id, { avdeling: avdeling.id });
  return member;
}

async function storiesOf(userId: string): Promise<string[]> {
  const root = await superuser(baseUrl());
  return (await root.collection('praksisfortellinger').getFullList({ filter: root.filter('author = {:u}', { u: userId }) })).map((r) => String(r.text));
}

async function attemptsOf(userId: string): Promise<number> {
  const root = await superuser(baseUrl());
  return (await root.collection('attempts').getFullList({ filter: root.filter('user = {:u}', { u: userId }) })).length;
}

async function codeAll(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  // The form is there once the island knows the session.
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).locator('label.score', { hasText: String(score) }).first().click();
}

/** Logs out in another tab of the same browser, as on a shared PC. */
async function logOutInAnotherTab(context: BrowserContext) {
  const other = await context.newPage();
  await other.goto(`${baseUrl()}/logg-inn/?logg-ut=1`);
  await expect(other.getByText('Du er logget ut.').first()).toBeVisible();
  await other.close();
}

test('logged out in another tab while a praksisfortelling and codes are written: after a new login both are there and reach the server', async ({ page, context }) => {
  test.setTimeout(90_000);
  const member = await departmentMember();
  await logIn(page, member.email, { next: '/min-side/' });
  const section = page.getByTestId('department-month');
  const text = story('Tårnet i byggekroken.');
  await section.getByLabel('Din praksisfortelling').fill(text);

  const coding = await context.newPage();
  await coding.goto(`${baseUrl()}${CODING}`);
  await codeAll(coding, 4);

  await logOutInAnotherTab(context);

  // Both pages follow without a reload, and say that what was written is kept.
  await expect(section.getByRole('alert')).toContainText('Du er logget ut. Logg inn igjen Det du har skrevet, er lagret på denne enheten');
  await expect(coding.getByRole('alert')).toContainText('Du er logget ut. Logg inn igjen Det du har skrevet, er lagret på denne enheten');
  await expect(coding.locator('[data-auth-status]')).not.toContainText('Mia Medlem');

  // Sent while logged out: kept, and told so, on both.
  await coding.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(coding.getByRole('alert')).toContainText('Det du skrev, er lagret på denne enheten og sendes når du har logget inn igjen.');
  await section.getByLabel('Jeg har sjekket at ingen barn kan kjennes igjen i fortellingen.').check();
  await section.getByRole('button', { name: 'Lever fortellingen' }).click();
  const told = section.getByRole('alert');
  await expect(told).toContainText('Det du skrev, er lagret på denne enheten og sendes når du har logget inn igjen.');
  expect(await storiesOf(member.id)).toEqual([]);
  expect(await attemptsOf(member.id)).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(await axeViolations(coding)).toEqual([]);

  // The link comes back to this page.
  await told.getByRole('link', { name: 'Logg inn igjen' }).click();
  await page.waitForURL(`${baseUrl()}/logg-inn/?neste=${encodeURIComponent('/min-side/')}`);
  await page.getByLabel('E-postadresse').fill(member.email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${baseUrl()}/min-side/`);

  await expect(section.getByRole('status')).toContainText(SENT_LATER);
  await expect(section.getByLabel('Din praksisfortelling')).toHaveValue(text);
  await expect.poll(() => storiesOf(member.id)).toEqual([text]);

  // The coding tab heard the new login (the storage event) and sent its codes, without a reload.
  await expect(coding.getByTestId('feedback-summary')).toBeVisible();
  await expect(coding.getByText(SENT_LATER)).toBeVisible();
  expect(await attemptsOf(member.id)).toBe(1);
});

/** Logs in again through the link of the alert that said the session was gone, back to `path`. */
async function logInAgainFromAlert(page: Page, email: string, path: string) {
  await page.getByRole('alert').getByRole('link', { name: 'Logg inn igjen' }).click();
  await page.waitForURL(`${baseUrl()}/logg-inn/?neste=${encodeURIComponent(path)}`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${baseUrl()}${path}`);
}

test('a reliability-check cycle coded and handed in while logged out is handed in after a new login', async ({ page, context }) => {
  test.setTimeout(90_000);
  const root = await superuser(baseUrl());
  const pool = await root.collection('vignettes').getFullList({ filter: 'kind = "cycle" && pool = "check" && ageGroup = "toddler"' });
  for (let i = pool.length; i < 5; i++) await createCycle(root, 'toddler', 3 + (i % 3));
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/koding/sjekk/' });
  await page.getByLabel('Småbarn (ca. 1–3 år)').check();
  await page.getByRole('button', { name: 'Start sjekken' }).click();
  await expect(page.getByText('Syklus 1 av 5')).toBeVisible();
  await codeAll(page, 4);
  await logOutInAnotherTab(context);
  await page.getByRole('button', { name: 'Lever syklusen' }).click();
  await expect(page.getByRole('alert')).toContainText('Du er logget ut. Logg inn igjen Det du skrev, er lagret på denne enheten og sendes når du har logget inn igjen.');
  const check = await root.collection('reliability_checks').getFirstListItem(root.filter('user = {:u}', { u: learner.id }));
  expect(check.submitted ?? []).toEqual([]);

  await logInAgainFromAlert(page, learner.email, '/koding/sjekk/');
  // Straight back to the open check: the kept cycle is handed in, and the next one is shown.
  await expect(page.getByText('Syklus 2 av 5')).toBeVisible();
  await expect(page.getByText(SENT_LATER)).toBeVisible();
  expect((await root.collection('reliability_checks').getOne(check.id)).submitted).toEqual([check.cycles[0]]);
});

test('round codes sent in a kursgruppe while logged out are sent after a new login', async ({ page, context }) => {
  const root = await superuser(baseUrl());
  const leader = await createUser(root, 'kursleder', (await createBarnehage(root)).id, 'Kari Kursleder');
  const year = new Date().getFullYear() + 1;
  const cohort = await leader.pb.collection('cohorts').create({ name: 'Kveldskurs', day1: `${year}-11-03`, day2: `${year}-11-10`, place: 'Sandvika', capacity: 25, leader: leader.id });
  const code = String((await root.collection('cohorts').getOne(cohort.id)).code);
  const learner = await freshLearner();
  const json = { 'Content-Type': 'application/json' };
  await learner.pb.send('/api/tettpa/cohorts/join', { method: 'POST', body: JSON.stringify({ code }), headers: json });
  const round = (await leader.pb.send(`/api/tettpa/cohorts/${cohort.id}/rounds`, { method: 'POST', body: JSON.stringify({ vignette: vignette.slug }), headers: json })) as { id: string };
  const roundCodes = async () => (await root.collection('round_codes').getFullList({ filter: root.filter('round = {:r}', { r: round.id }) })).length;

  await logIn(page, learner.email, { next: '/kursgruppe/' });
  await expect(page.getByTestId('room-state')).toContainText('Kod vignetten');
  await codeAll(page, 4);
  await logOutInAnotherTab(context);
  await page.getByRole('button', { name: 'Send inn kodene mine' }).click();
  await expect(page.getByRole('alert')).toContainText('Det du skrev, er lagret på denne enheten og sendes når du har logget inn igjen.');
  expect(await roundCodes()).toBe(0);

  await logInAgainFromAlert(page, learner.email, '/kursgruppe/');
  await expect(page.getByTestId('room-state')).toContainText('Kodene dine er sendt');
  expect(await roundCodes()).toBe(1);
});

test('codes written but not sent are shown again after logging in, on the same device and only to the same learner', async ({ page, context }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: CODING });
  await codeAll(page, 5);
  await logOutInAnotherTab(context);
  await expect(page.getByRole('alert')).toContainText('Du er logget ut.');

  // Someone else on the same PC sees none of it.
  const other = await freshLearner();
  await logIn(page, other.email, { next: CODING });
  await expect(page.locator('fieldset.scale').first()).toBeVisible();
  await expect(page.locator('fieldset.scale input:checked')).toHaveCount(0);

  await logIn(page, learner.email, { next: CODING });
  await expect(page.getByRole('status')).toContainText('Det du skrev sist, er hentet fram igjen fra denne enheten.');
  const groups = await page.locator('fieldset.scale').count();
  await expect(page.locator('fieldset.scale input:checked')).toHaveCount(groups);
  await expect(page.locator('fieldset.scale input:checked').first()).toHaveValue('5');
  expect(await attemptsOf(learner.id)).toBe(0);
});

test('offline is told apart from a server that does not answer, and the codes get there either way', async ({ page, context }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: CODING });
  await codeAll(page, 4);

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(page.getByRole('status')).toContainText('Du er uten nett. Det du skrev, er lagret på denne enheten og sendes når nettet er tilbake.');
  expect(await attemptsOf(learner.id)).toBe(0);
  await context.setOffline(false);
  await expect(page.getByTestId('feedback-summary')).toBeVisible();
  await expect(page.getByText(SENT_LATER)).toBeVisible();
  expect(await attemptsOf(learner.id)).toBe(1);

  // Online, but the server does not answer (refused connection), then answers with its own trouble (502).
  await page.getByRole('button', { name: 'Kod på nytt' }).click();
  await codeAll(page, 3);
  await page.route('**/api/tettpa/attempts', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Serveren svarer ikke akkurat nå. Det du skrev, er lagret på denne enheten, og vi prøver å sende det igjen om litt.');
  await expect(page.locator('main')).not.toContainText('sendes når nettet er tilbake');
  expect(await axeViolations(page)).toEqual([]);
  await page.unroute('**/api/tettpa/attempts');
  await page.route('**/api/tettpa/attempts', (route) => route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad Gateway' }));
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/tettpa/attempts') && r.status() === 502), page.getByRole('button', { name: 'Send inn kodene' }).click()]);
  await expect(alert).toContainText('Serveren svarer ikke akkurat nå.');
  await expect(page.locator('main')).not.toContainText('sendes når nettet er tilbake');
  expect(await attemptsOf(learner.id)).toBe(1);

  await page.unroute('**/api/tettpa/attempts');
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(page.getByTestId('feedback-summary')).toBeVisible();
  expect(await attemptsOf(learner.id)).toBe(2);
});

test('a double click on send stores the codes and the praksisfortelling once', async ({ page }) => {
  const member = await departmentMember();
  await logIn(page, member.email, { next: CODING });
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/tettpa\/attempts$|\/api\/collections\/praksisfortellinger\/records/.test(request.url())) posts++;
  });
  await codeAll(page, 4);
  await page.getByRole('button', { name: 'Send inn kodene' }).dblclick();
  await expect(page.getByTestId('feedback-summary')).toBeVisible();
  expect(posts).toBe(1);
  expect(await attemptsOf(member.id)).toBe(1);

  posts = 0;
  await page.goto(`${baseUrl()}/min-side/`);
  const section = page.getByTestId('department-month');
  const text = story('Klossene på gulvet.');
  await section.getByLabel('Din praksisfortelling').fill(text);
  await section.getByLabel('Jeg har sjekket at ingen barn kan kjennes igjen i fortellingen.').check();
  await section.getByRole('button', { name: 'Lever fortellingen' }).dblclick();
  await expect(section.getByRole('status')).toContainText('Fortellingen er levert.');
  expect(posts).toBe(1);
  expect(await storiesOf(member.id)).toEqual([text]);
  await expect(section.getByRole('alert')).toBeEmpty();
});

test('a page with the learner’s data drops it when logged out in another tab, and loads it again after a new login there', async ({ page, context }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/min-side/' });
  const main = page.locator('main');
  await expect(main.getByText('Innlogget som Lene Lærling')).toBeVisible();

  await logOutInAnotherTab(context);
  await expect(main.getByText('Innlogget som Lene Lærling')).toHaveCount(0);
  await expect(main.locator('.notice.error').filter({ hasText: 'Du er logget ut.' }).getByRole('link', { name: 'Logg inn igjen' })).toHaveAttribute('href', `/logg-inn/?neste=${encodeURIComponent('/min-side/')}`);
  await expect(page.locator('[data-auth-status]')).not.toContainText('Lene');

  const other = await context.newPage();
  await logIn(other, learner.email, { next: '/' });
  await other.close();
  await expect(main.getByText('Innlogget som Lene Lærling')).toBeVisible();
});

test('a capitalised e-mail with spaces around logs in, and logging out leaves nothing of the user in the header', async ({ page }) => {
  await page.goto(`${baseUrl()}/logg-inn/?neste=${encodeURIComponent('/min-side/')}`);
  await page.getByLabel('E-postadresse').fill('  Deltaker@demo.tettpa.no  ');
  await page.getByLabel('Passord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${baseUrl()}/min-side/`);
  const header = page.locator('header.site-header');
  await expect(header).toContainText('Innlogget som Dina Deltaker');

  await header.getByRole('link', { name: 'Logg ut' }).click();
  await expect(page.getByText('Du er logget ut.').first()).toBeVisible();
  await expect(header.getByRole('link', { name: 'Logg inn', exact: true })).toBeVisible();
  expect(await header.textContent()).not.toMatch(/Dina|Deltaker|Innlogget/);
  await page.goto(`${baseUrl()}/koding/`);
  expect(await page.locator('header.site-header').textContent()).not.toMatch(/Dina|Deltaker|Innlogget/);
});

test('a reflection saved while the server does not answer is not called offline, and is saved when the server is back', async ({ page }) => {
  const lesson = '/kurs/ar-1-class/ansattes-sensitivitet/';
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: lesson });
  const field = page.getByLabel('Ditt svar');
  await expect(field).toBeEditable();
  await field.fill('Jeg vil sitte nærmere Ida ved måltidet og se når hun trenger meg.');
  const reflections = '**/api/collections/reflections/records**';
  await page.route(reflections, (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Lagre refleksjonen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Serveren svarer ikke akkurat nå.' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('sendes når nettet er tilbake');
  await page.unroute(reflections);
  await page.getByRole('button', { name: 'Lagre refleksjonen' }).click();
  await expect(page.locator('.save-status')).toHaveText('Lagret.');
  const root = await superuser(baseUrl());
  expect(await root.collection('reflections').getFullList({ filter: root.filter('user = {:u}', { u: learner.id }) })).toHaveLength(1);
});
