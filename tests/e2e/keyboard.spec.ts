// Keyboard alone: log in, skip to the content, and complete the lesson without a mouse.
import { test, expect, baseUrl, freshLearner } from './fixtures';
import { PASSWORD } from '../support/accounts';

test('a learner logs in and completes the lesson with the keyboard only', async ({ page }) => {
  const learner = await freshLearner();
  await page.goto(`${baseUrl()}/logg-inn/?neste=${encodeURIComponent('/kurs/nyansatt/hva-er-tett-pa/')}`);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til hovedinnholdet' })).toBeFocused();
  await page.keyboard.press('Enter');
  // From the main content, the first field is the e-mail address.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-postadresse')).toBeFocused();
  await page.keyboard.type(learner.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passord')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl()}/kurs/nyansatt/hva-er-tett-pa/`);
  await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');

  const complete = page.getByRole('button', { name: 'Marker leksjonen som fullført' });
  for (let i = 0; i < 80 && !(await complete.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(complete).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-status')).toContainText('Fullført');
});

test('every link and button on the lesson page shows where the focus is', async ({ page }) => {
  await page.goto(`${baseUrl()}/kurs/nyansatt/hva-er-tett-pa/`);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { text: `${el.tagName}:${el.textContent?.trim().slice(0, 40)}`, outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (!focus || seen.has(focus.text)) break;
    seen.add(focus.text);
    expect(focus.outline, `${focus.text} has a visible focus outline`).toBe('solid');
    // At least 2 CSS pixels (WCAG 2.2 focus appearance); the site's own rule draws 3.
    expect(parseFloat(focus.width), `${focus.text} outline width`).toBeGreaterThanOrEqual(2);
  }
  expect(seen.size).toBeGreaterThan(5);
});
