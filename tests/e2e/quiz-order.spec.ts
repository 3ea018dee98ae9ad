// The knowledge check shows its options in an order of the learner's own, the same on every visit,
// and the answer is scored by the option chosen, wherever it stood.
import { test, expect, freshLearner, logIn } from './fixtures';
import type { Page } from '@playwright/test';

const lessonPath = '/kurs/nyansatt/motestruktur-og-arshjul/';

/** The option texts of every question, in the order shown, once the island has come alive. */
async function shownOrder(page: Page): Promise<string[][]> {
  const quiz = page.locator('div.quiz');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('button', { hasText: 'Svar' }).first()).toBeVisible();
  await page.waitForFunction(() => !document.querySelector('div.quiz')?.closest('astro-island')?.hasAttribute('ssr'));
  // The learner's order is set when the island mounts; let Svelte render it before reading.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return quiz.locator('ol.questions > li').evaluateAll((items) =>
    items.map((li) => [...li.querySelectorAll('label.option')].map((l) => (l.textContent ?? '').trim())),
  );
}

test('each learner has an order of their own, the same after a reload', async ({ page, browser }) => {
  const first = await freshLearner();
  await logIn(page, first.email, { next: lessonPath });
  const order = await shownOrder(page);
  await page.reload();
  expect(await shownOrder(page)).toEqual(order);

  // Another learner, or nobody, sees another order for at least one question.
  const other = await browser.newPage();
  await logIn(other, (await freshLearner()).email, { next: lessonPath });
  const orders = [order, await shownOrder(other)];
  const anonymous = await browser.newPage();
  await anonymous.goto(new URL(lessonPath, page.url()).href);
  orders.push(await shownOrder(anonymous));
  expect(new Set(orders.map((o) => JSON.stringify(o))).size).toBeGreaterThan(1);
  // Same options, only moved.
  for (const o of orders) expect(o.map((q) => [...q].sort())).toEqual(order.map((q) => [...q].sort()));
});
