// One lesson of each course, walked as a learner would: read, answer the knowledge check (each
// answer explained at once, the score reported through SCORM), write a private reflection.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { superuser } from '../support/accounts';

const index = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../dist/kurs/index.json'), 'utf8')) as {
  courses: Array<{ id: string; lessons: Array<{ id: string }> }>;
};

for (const course of index.courses) {
  const lesson = course.lessons[1] ?? course.lessons[0];
  if (!lesson) continue;
  test(`a learner walks ${course.id}/${lesson.id}: knowledge check and reflection, axe-clean`, async ({ page }) => {
    const learner = await freshLearner();
    const lessonPath = `/kurs/${course.id}/${lesson.id}/`;
    await logIn(page, learner.email, { next: lessonPath });
    await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');

    const quiz = page.locator('div.quiz');
    await quiz.scrollIntoViewIfNeeded();
    const questions = quiz.locator('ol.questions > li');
    const total = await questions.count();
    expect(total).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < total; i++) {
      const q = questions.nth(i);
      await q.locator('label.option').first().click();
      await q.getByRole('button', { name: 'Svar' }).click();
      await expect(q.locator('.explanation .notice')).toContainText(/Riktig\.|Ikke helt\./);
    }
    const summary = await quiz.getByText(/Du svarte riktig på \d+ av \d+ spørsmål/).textContent();
    const right = Number(/på (\d+) av/.exec(summary ?? '')?.[1]);

    const reflection = page.locator('div.reflection').first();
    await reflection.scrollIntoViewIfNeeded();
    await reflection.getByLabel('Ditt svar').fill(`Min tanke om ${lesson.id}: *samspill* betyr mye.`);
    await reflection.getByRole('button', { name: 'Lagre refleksjonen' }).click();
    await expect(reflection.getByText('Lagret.')).toBeVisible();
    await expect(reflection.locator('.preview em')).toHaveText('samspill');
    expect(await axeViolations(page)).toEqual([]);

    const root = await superuser(baseUrl());
    const own = (filter: string) => root.collection(filter).getFullList({ filter: root.filter('user = {:u}', { u: learner.id }) });
    await expect.poll(async () => (await own('progress'))[0]?.score).toBe(Math.round((right / total) * 100));
    expect((await own('reflections'))[0]).toMatchObject({ course: course.id, lesson: lesson.id });

    // Back later: the answers and the reflection are still there.
    await page.reload();
    await expect(page.locator('div.reflection').first().getByLabel('Ditt svar')).toHaveValue(/samspill/);
    await expect(quiz.getByText(/Du svarte riktig på \d+ av \d+ spørsmål/)).toBeVisible();
  });
}

test('a learner ticks off a Snakke med barn module, and it stays ticked', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/kurs/ar-3-snakke-med-barn/de-sju-modulene/' });
  const box = page.getByLabel('Jeg har gjennomført modul 1', { exact: false }).first();
  // The checkbox comes alive when it scrolls into view (client:visible), as for a reader.
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEnabled();
  await box.check();
  await page.reload();
  const again = page.getByLabel('Jeg har gjennomført modul 1', { exact: false }).first();
  await again.scrollIntoViewIfNeeded();
  await expect(again).toBeChecked();
});
