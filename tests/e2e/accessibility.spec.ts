// Every page of the built site passes axe-core (WCAG 2.1 A and AA), logged out and logged in.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect, baseUrl, axeViolations, freshLearner, logIn } from './fixtures';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');

function pagesOf(dir: string, prefix = '/'): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== '_astro') pages.push(...pagesOf(full, `${prefix}${entry}/`));
    } else if (entry === 'index.html') {
      pages.push(prefix);
    }
  }
  return pages;
}

const pages = [...pagesOf(dist), '/denne-siden-finnes-ikke/'];

test('the built site has the pages the design names', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/kurs/', '/kurs/nyansatt/', '/kurs/nyansatt/hva-er-tett-pa/', '/logg-inn/', '/min-side/']));
});

for (const pagePath of pages) {
  test(`axe finds no violations on ${pagePath}`, async ({ page }) => {
    await page.goto(`${baseUrl()}${pagePath}`);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe finds no violations on the pages a logged-in learner sees', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/kurs/nyansatt/hva-er-tett-pa/' });
  await expect(page.getByTestId('lesson-status')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  for (const pagePath of ['/min-side/', '/logg-inn/', '/']) {
    await page.goto(`${baseUrl()}${pagePath}`);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page), pagePath).toEqual([]);
  }
});

test('the axe check is real: it reports an image without alt text and an unlabelled field', async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  await page.evaluate(() => {
    document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><input type="text">');
  });
  const violations = await axeViolations(page);
  expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
  expect(violations.some((v) => v.startsWith('label'))).toBe(true);
});
