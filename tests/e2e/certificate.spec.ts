// The kursbevis is earned, not ticked: refused (saying what is missing) until every knowledge check
// is passed, a failed check can be taken again, and the printed kursbevis fills one A4 page with
// a code that the public page confirms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const COURSE = 'nyansatt';
const LAST = 'ny-pedagogisk-leder';
const index = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../dist/kurs/index.json'), 'utf8')) as {
  courses: Array<{ id: string; title: string; lessons: Array<{ id: string; title: string }> }>;
};
const course = index.courses.find((c) => c.id === COURSE)!;
const lastTitle = course.lessons.find((l) => l.id === LAST)!.title;

/** Each question's options and right answer, read from the lesson's own MDX. */
function questionsOf(lesson: string): Array<{ options: string[]; correct: number }> {
  const mdx = readFileSync(path.resolve(import.meta.dirname, `../../src/content/courses/${COURSE}/${lesson}.mdx`), 'utf8');
  const check = mdx.slice(mdx.indexOf('<KnowledgeCheck'));
  return [...check.matchAll(/options:\s*\[([\s\S]*?)\],\s*correct:\s*(\d+)/g)].map((m) => ({
    options: [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((o) => o[1]!),
    correct: Number(m[2]),
  }));
}

async function answerAll(page: Page, pick: (q: { options: string[]; correct: number }) => number) {
  const questions = questionsOf(LAST);
  const items = page.locator('div.quiz ol.questions > li');
  for (const [i, q] of questions.entries()) {
    const item = items.nth(i);
    await item.getByLabel(q.options[pick(q)]!, { exact: true }).check();
    await item.getByRole('button', { name: 'Svar' }).click();
  }
}

test('the kursbevis is refused until every check is passed; then it fills an A4 page and its code verifies publicly', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const learner = await freshLearner();
  // Every lesson but the last is done as the quiz would leave it: passed with its score.
  for (const lesson of course.lessons.filter((l) => l.id !== LAST)) {
    await learner.pb.collection('progress').create({ user: learner.id, course: COURSE, lesson: lesson.id, status: 'passed', score: 100 });
  }

  // Ticking the last lesson as completed is not enough.
  await logIn(page, learner.email, { next: `/kurs/${COURSE}/${LAST}/` });
  await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();

  await page.goto(`${baseUrl()}/kurs/${COURSE}/`);
  await expect(page.getByTestId('certificate-requirements')).toContainText('minst 80 % riktige på kunnskapssjekken');
  await expect(page.getByTestId(`lesson-${course.lessons[0]!.id}`).getByTestId('lesson-mark')).toHaveText(/^✓\s*Fullført$/);
  await expect(page.getByTestId(`lesson-${LAST}`).getByTestId('lesson-mark')).toHaveText('Fullført, men kunnskapssjekken gjenstår');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${baseUrl()}/min-side/kursbevis/?kurs=${COURSE}`);
  const missing = page.getByTestId('certificate-missing');
  await expect(missing).toContainText('Kursbeviset er ikke klart ennå');
  await expect(missing.getByRole('listitem')).toHaveText([`${lastTitle}: kunnskapssjekken er ikke besvart`]);
  await expect(page.getByTestId('certificate')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // One answer right, the others wrong: failed, still refused, and the check can be taken again.
  // (Not all wrong: a score of 0 cannot be told from no score, PocketBase numbers have no null.)
  await page.goto(`${baseUrl()}/kurs/${COURSE}/${LAST}/`);
  await page.locator('div.quiz').scrollIntoViewIfNeeded();
  let first = true;
  await answerAll(page, (q) => {
    const pick = first ? q.correct : (q.correct + 1) % q.options.length;
    first = false;
    return pick;
  });
  await expect(page.getByText(/Ikke bestått ennå: kursbeviset krever minst 80 % riktige/)).toBeVisible();
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();
  await page.goto(`${baseUrl()}/min-side/kursbevis/?kurs=${COURSE}`);
  await expect(missing.getByRole('listitem')).toHaveText([`${lastTitle}: under 80 % riktige på kunnskapssjekken: ta den på nytt`]);

  await page.goto(`${baseUrl()}/kurs/${COURSE}/${LAST}/`);
  await page.locator('div.quiz').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Ta kunnskapssjekken på nytt' }).click();
  await answerAll(page, (q) => q.correct);
  await expect(page.getByText('Bestått: minst 80 % riktige.')).toBeVisible();
  await expect(page.getByTestId('lesson-status')).toContainText('Bestått');
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${baseUrl()}/kurs/${COURSE}/`);
  await expect(page.getByTestId(`lesson-${LAST}`).getByTestId('lesson-mark')).toHaveText(/^✓\s*Fullført$/);

  await page.goto(`${baseUrl()}/min-side/kursbevis/?kurs=${COURSE}`);
  const certificate = page.getByTestId('certificate');
  await expect(certificate).toContainText('Lene Lærling');
  await expect(certificate).toContainText(course.title);
  for (const lesson of course.lessons) await expect(certificate).toContainText(lesson.title);
  await expect(certificate).toContainText(/Omfang: [\d,]+ time/);
  await expect(certificate).toContainText('Bærum kommune · Kompetanseteam barnehage');
  await expect(certificate).toContainText(/Fullført \d+\. \w+ \d{4}/);
  const code = /Kontrollkode: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await page.getByTestId('certificate-code').textContent()) ?? '')?.[1];
  expect(code).toBeDefined();
  expect(await axeViolations(page)).toEqual([]);

  // Printed on A4 (210 × 297 mm at 96 px per inch): no site chrome, the frame fills the page.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut kursbeviset' })).toBeHidden();
  const box = (await certificate.boundingBox())!;
  expect(box.height).toBeGreaterThan(1123 * 0.85);
  expect(box.width).toBeGreaterThan(794 * 0.85);
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);

  // The public page, for anyone: name, course and date, nothing more.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${baseUrl()}/kursbevis/sjekk/?kode=${code}`);
  const verified = visitor.getByTestId('verified');
  await expect(verified).toContainText('Kursbeviset er ekte.');
  await expect(verified).toContainText('Lene Lærling');
  await expect(verified).toContainText(course.title);
  await expect(verified).not.toContainText(/barnehage/i);
  expect(await axeViolations(visitor)).toEqual([]);
  await visitor.getByLabel('Kontrollkode').fill('AAAA-BBBB-CCCC-DDDD');
  await visitor.getByRole('button', { name: 'Sjekk koden' }).click();
  await expect(visitor.getByRole('alert')).toContainText('Fant ikke noe kursbevis med denne koden.');
  await expect(verified).toHaveCount(0);
});
