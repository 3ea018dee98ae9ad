// Issue 16: one session told the truth on every page, nothing typed lost, offline and back
// without a reload, and the reflection and quiz usable by keyboard.
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { PASSWORD, superuser } from '../support/accounts';
import type { Page } from '@playwright/test';

const LESSON = '/kurs/ar-1-class/ansattes-sensitivitet/';

async function storedReflection(userId: string): Promise<string | null> {
  const root = await superuser(baseUrl());
  const rows = await root.collection('reflections').getFullList({ filter: root.filter('user = {:u}', { u: userId }) });
  return rows[0] ? String(rows[0].text) : null;
}

async function storedQuizAnswers(userId: string): Promise<unknown> {
  const root = await superuser(baseUrl());
  const rows = await root.collection('progress').getFullList({ filter: root.filter('user = {:u} && lesson = "ansattes-sensitivitet"', { u: userId }) });
  // The quiz's answers and its pass or fail, as the SCORM runtime committed them.
  const suspend = rows[0] ? String(rows[0].suspend_data) : '';
  return suspend.includes('quiz:sjekk') ? String(rows[0]!.status) : null;
}

async function answerWholeQuiz(page: Page) {
  const questions = page.locator('div.quiz ol.questions > li');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    await q.getByRole('radio').first().check();
    await q.getByRole('button', { name: 'Svar' }).click();
  }
  await expect(page.getByTestId('quiz-score-sjekk')).toContainText('Du svarte riktig på');
}

test('logged out in another tab: the page says so, and a saved reflection is sent after logging in again', async ({ page, context }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: LESSON });
  const field = page.getByLabel('Ditt svar');
  await expect(field).toBeEditable();
  await expect(page.getByText('Innlogget som Lene Lærling')).toBeVisible();

  const other = await context.newPage();
  await other.goto(`${baseUrl()}/logg-inn/?logg-ut=1`);
  await expect(other.getByText('Du er logget ut.').first()).toBeVisible();
  await other.close();

  // The first tab follows: the header no longer shows the learner, and the page says what happened.
  await expect(page.getByText('Innlogget som Lene Lærling')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Logg inn', exact: true })).toBeVisible();

  const text = 'Emil sier lite, men ser etter meg når han er usikker. Jeg vil sette meg ved ham ved lunsj.';
  await field.fill(text);
  await page.getByRole('button', { name: 'Lagre refleksjonen' }).click();
  const told = page.getByRole('alert').filter({ hasText: 'Du er logget ut.' });
  await expect(told).toContainText('Teksten din er lagret på denne enheten');
  expect(await storedReflection(learner.id)).toBeNull();
  expect(await axeViolations(page)).toEqual([]);

  await told.getByRole('link', { name: 'Logg inn igjen' }).click();
  await page.waitForURL(`${baseUrl()}/logg-inn/?neste=${encodeURIComponent(LESSON)}`);
  await page.getByLabel('E-postadresse').fill(learner.email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${baseUrl()}${LESSON}`);

  await expect(page.getByText('Refleksjonen du skrev, er nå lagret.')).toBeVisible();
  await expect(page.getByLabel('Ditt svar')).toHaveValue(text);
  expect(await storedReflection(learner.id)).toBe(text);
});

test('offline, the quiz is answered and the reflection written; both reach the server when the network is back, without a reload', async ({ page, context }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: LESSON });
  await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');
  await expect(page.getByLabel('Ditt svar')).toBeEditable();

  await context.setOffline(true);
  await answerWholeQuiz(page);
  await expect(page.locator('div.quiz')).toContainText('Svarene dine lagres på denne enheten');
  const text = 'Jeg la merke til at Sara blir stille før hun gråter. Neste uke vil jeg gå til henne tidligere.';
  await page.getByLabel('Ditt svar').fill(text);
  await page.getByRole('button', { name: 'Lagre refleksjonen' }).click();
  await expect(page.getByText('Refleksjonen er lagret på denne enheten og sendes når nettet er tilbake.')).toBeVisible();
  expect(await storedReflection(learner.id)).toBeNull();
  expect(await storedQuizAnswers(learner.id)).toBeNull();
  expect(await axeViolations(page)).toEqual([]);

  await context.setOffline(false);
  await expect(page.getByText('Refleksjonen du skrev, er nå lagret.')).toBeVisible();
  await expect.poll(() => storedReflection(learner.id)).toBe(text);
  await expect.poll(() => storedQuizAnswers(learner.id)).toMatch(/^(passed|failed)$/);
});

test('the reflection is in the tab order from the start, and after answering with Enter focus is on the feedback', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: LESSON });
  await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');
  // Present before anything scrolled it into view.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const field = page.getByLabel('Ditt svar');
  await expect(field).toBeEditable();

  await page.locator('main').focus();
  for (let i = 0; i < 150 && !(await field.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(field).toBeFocused();

  const first = page.locator('div.quiz ol.questions > li').first();
  await first.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(first.getByRole('button', { name: 'Svar' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first.locator('.explanation p')).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});
