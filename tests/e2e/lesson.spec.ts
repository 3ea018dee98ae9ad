// One lesson end to end: a learner completes it through the SCORM 1.2 API and sees it stored.
import { test, expect, baseUrl, freshLearner, logIn } from './fixtures';
import { PASSWORD, superuser } from '../support/accounts';

const LESSON = '/kurs/nyansatt/hva-er-tett-pa/';

test('a reader who is not logged in can read the lesson and is told that logging in saves progress', async ({ page }) => {
  await page.goto(`${baseUrl()}${LESSON}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hva er TETT PÅ?' })).toBeVisible();
  await expect(page.getByText('Logg inn for å lagre fremdriften din')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marker leksjonen som fullført' })).toHaveCount(0);
});

test('a learner completes the lesson, and a reload and Min side show it completed', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: LESSON });
  await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');
  // The lesson talks to the real SCORM 1.2 API that scorm-again mounts as window.API.
  expect(await page.evaluate(() => window.API?.lmsGetValue('cmi.core.lesson_status'))).toBe('incomplete');

  await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(page.getByTestId('lesson-status')).toContainText('Fullført');
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('lesson-status')).toContainText('Fullført');
  expect(await page.evaluate(() => window.API?.lmsGetValue('cmi.core.lesson_status'))).toBe('completed');

  await page.goto(`${baseUrl()}/min-side/`);
  const row = page.getByTestId('progress-nyansatt-hva-er-tett-pa');
  await expect(row).toContainText('Hva er TETT PÅ?');
  await expect(row).toContainText('Fullført');

  const root = await superuser(baseUrl());
  const rows = await root.collection('progress').getFullList({ filter: root.filter('user = {:u}', { u: learner.id }) });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
});

test('a learner who logs out is told so and no longer sees Min side', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email);
  await expect(page.getByText('Innlogget som Lene Lærling').first()).toBeVisible();
  await page.getByRole('link', { name: 'Logg ut' }).first().click();
  await expect(page.getByText('Du er logget ut.')).toBeVisible();
  await page.goto(`${baseUrl()}/min-side/`);
  await expect(page.getByText('Du må logge inn for å se din side.')).toBeVisible();
});

test('a wrong password gets a clear Norwegian message', async ({ page }) => {
  await page.goto(`${baseUrl()}/logg-inn/`);
  await page.getByLabel('E-postadresse').fill('deltaker@demo.tettpa.no');
  await page.getByLabel('Passord').fill('feil-passord');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toContainText('Feil e-postadresse eller passord');
});

test('an account closed after ten wrong passwords tells the learner how long to wait', async ({ page }) => {
  const learner = await freshLearner();
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${baseUrl()}/api/collections/users/auth-with-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identity: learner.email, password: `gjetning-${i}` }),
    });
    expect(res.status).toBe(400);
  }
  await page.goto(`${baseUrl()}/logg-inn/`);
  await page.getByLabel('E-postadresse').fill(learner.email);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toContainText('stengt for innlogging i 15 minutter');
  await expect(page).toHaveURL(/\/logg-inn\//);
});
