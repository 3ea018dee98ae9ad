// An exported course played the way another platform plays it: scorm-again as the platform's API
// on the parent page, the lesson from the unzipped package in an iframe, no Tett på læring server.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, axeViolations, baseUrl, freshLearner, logIn } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { startHostServer, type HostServer } from './scorm-host/host-server';

const COURSE = 'ar-1-class';
const LESSON = 'ansattes-sensitivitet';
const REFLECTION = 'Sofie hvisker når hun trenger hjelp; jeg vil sette meg ved siden av henne i samlingen.';

interface Seen {
  status: string;
  score: string;
  location: string;
  suspendData: string;
}

let packageDir: string;
let host: HostServer;

test.beforeAll(async () => {
  // Built with the site (scripts/lib/scorm-export-integration.mjs), exactly what admin downloads.
  const zip = readFileSync(path.resolve('dist/scorm-pakker', `${COURSE}.zip`));
  packageDir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-scorm-'));
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/')) continue;
    const target = path.join(packageDir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  host = await startHostServer(packageDir, `${LESSON}.html`);
});

test.afterAll(async () => {
  await host?.close();
  if (packageDir) rmSync(packageDir, { recursive: true, force: true });
});

test('a lesson in a platform: it finds the API, and the platform sees completed, the score, the place and the reflection', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(host.url);
  const lesson = page.frameLocator('iframe[title="Kurs"]');
  await expect(lesson.getByRole('heading', { level: 1, name: 'Ansattes sensitivitet' })).toBeVisible();
  await expect(lesson.getByText('Læringsplattformen du bruker, lagrer fremdriften din.')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).platform.initialized)).toBe(true);
  expect(await page.evaluate(() => (window as any).API.cmi.core.lesson_status)).toBe('incomplete');

  // The knowledge check: the first option of every question, then the score the lesson shows.
  const quiz = lesson.locator('.quiz');
  const questions = quiz.locator('ol.questions > li');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await questions.nth(i).getByRole('radio').first().check();
    await questions.nth(i).getByRole('button', { name: 'Svar' }).click();
  }
  const scoreText = await quiz.getByTestId('quiz-score-sjekk').textContent();
  const [, right, total] = /på (\d+) av (\d+)/.exec(scoreText ?? '') ?? [];
  const percent = String(Math.round((Number(right) / Number(total)) * 100));

  // The reflection stays in the platform: the page says so and the text goes to suspend_data.
  await expect(lesson.getByText('Teksten lagres i læringsplattformen du bruker kurset i')).toBeVisible();
  await lesson.getByLabel('Ditt svar').fill(REFLECTION);
  await lesson.getByRole('button', { name: 'Lagre refleksjonen' }).click();
  await expect(lesson.getByText('Lagret.')).toBeVisible();

  // The lesson inside the platform's frame is axe-clean too (the test platform's own page aside).
  const inFrame = await new AxeBuilder({ page }).include('iframe[title="Kurs"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(inFrame.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await quiz.scrollIntoViewIfNeeded();
  await lesson.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(lesson.getByText('Du har fullført denne leksjonen.')).toBeVisible();

  // Leaving the lesson ends the session with LMSFinish, as a platform expects.
  await page.evaluate(() => document.querySelector('iframe')!.setAttribute('src', 'about:blank'));
  await expect.poll(() => page.evaluate(() => (window as any).platform.finished)).not.toBeNull();
  const seen: Seen = await page.evaluate(() => (window as any).platform.finished);
  expect(seen.status).toBe('completed');
  expect(seen.score).toBe(percent);
  expect(seen.location).not.toBe('');
  expect(seen.suspendData.length).toBeLessThanOrEqual(4096);
  const data = JSON.parse(seen.suspendData) as Record<string, unknown>;
  expect(data['refleksjon:stille-signaler']).toBe(REFLECTION);
  expect(data['quiz:sjekk']).toHaveLength(count);

  // Nothing was fetched from anywhere but the platform's own server.
  const origin = new URL(host.url).origin;
  expect(requests.filter((u) => u.startsWith('http') && !u.startsWith(origin))).toEqual([]);
});

test('a second visit resumes: the platform hands back the place and the reflection', async ({ page }) => {
  // What a platform gives a SCO it has seen before (cmi.core.entry = resume).
  const earlier = {
    core: { lesson_status: 'incomplete', lesson_location: 'sjekk-tittel', entry: 'resume' },
    suspend_data: JSON.stringify({ 'refleksjon:stille-signaler': REFLECTION }),
  };
  await page.goto(`${host.url}/?state=${encodeURIComponent(JSON.stringify(earlier))}`);
  const lesson = page.frameLocator('iframe[title="Kurs"]');
  await expect(lesson.getByRole('link', { name: 'Fortsett der du slapp' })).toHaveAttribute('href', '#sjekk-tittel');
  await lesson.locator('.reflection').scrollIntoViewIfNeeded();
  await expect(lesson.getByLabel('Ditt svar')).toHaveValue(REFLECTION);
});

test('without a platform the lesson still reads: served on its own and opened as a file', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${host.url}/pakke/${LESSON}.html`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ansattes sensitivitet' })).toBeVisible();
  await expect(page.getByText('Du leser leksjonen utenfor en læringsplattform.')).toBeVisible();
  await page.locator('.reflection').scrollIntoViewIfNeeded();
  await expect(page.getByText('Utenfor en læringsplattform blir svaret ikke lagret.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(pathToFileURL(path.join(packageDir, `${LESSON}.html`)).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Ansattes sensitivitet' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Læringsmål' })).toBeVisible();
  await page.close();
});

test('admin downloads a course as a SCORM package from /admin/; a learner is not offered it', async ({ page, browser }) => {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id, 'Ada Admin');
  await logIn(page, admin.email, { next: '/admin/' });
  const link = page.getByRole('link', { name: 'Last ned «År 1: Kvalitetsdimensjonene i CLASS» som SCORM 1.2-pakke' });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`${COURSE}.zip`);
  const files = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(files)).toContain('imsmanifest.xml');
  expect(Object.keys(files)).toContain(`${LESSON}.html`);
  expect(await axeViolations(page)).toEqual([]);

  const other = await (await browser.newContext()).newPage();
  const learner = await freshLearner();
  await logIn(other, learner.email, { next: '/admin/' });
  await expect(other.getByText('Denne siden er for Kompetanseteam barnehage.')).toBeVisible();
  await expect(other.getByRole('link', { name: /SCORM 1\.2-pakke/ })).toHaveCount(0);
  await other.close();
});
