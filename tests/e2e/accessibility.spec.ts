// The built site passes axe-core (WCAG 2.1 A and AA), logged out and logged in. Pages of the same
// template differ only in content, so the pass visits a sample (page-sample.ts) that holds every
// template, every course and every kind of element the pages of a template contain.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, baseUrl, axeViolations, freshLearner, logIn } from './fixtures';
import { builtPages, featuresOf, samplePages, type BuiltPage } from './page-sample';

const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.join(root, 'dist');
const all = builtPages(dist, path.join(root, 'src', 'pages'));
const sample = samplePages(all);
const courseIndex = JSON.parse(readFileSync(path.join(dist, 'kurs', 'index.json'), 'utf8')) as { courses: Array<{ id: string; lessons: Array<{ id: string }> }> };

test('the built site has the pages the design names', () => {
  expect(all.map((p) => p.path)).toEqual(expect.arrayContaining(['/', '/kurs/', '/kurs/nyansatt/', '/kurs/nyansatt/hva-er-tett-pa/', '/logg-inn/', '/min-side/']));
});

test('the sample covers every template, every course, and every element kind of every template', () => {
  expect(new Set(sample.map((p) => p.template))).toEqual(new Set(all.map((p) => p.template)));
  for (const course of courseIndex.courses) {
    expect(sample.some((p) => p.template === 'kurs/[course]/[lesson].astro' && p.course === course.id), `a lesson of ${course.id}`).toBe(true);
    expect(sample.some((p) => p.path === `/kurs/${course.id}/`), `the page of ${course.id}`).toBe(true);
  }
  for (const template of new Set(all.map((p) => p.template))) {
    const wanted = new Set(all.filter((p) => p.template === template).flatMap((p) => [...p.features]));
    const got = new Set(sample.filter((p) => p.template === template).flatMap((p) => [...p.features]));
    expect([...wanted].filter((f) => !got.has(f)), template).toEqual([]);
  }
  // A sample, not everything: the point is the time it saves.
  expect(sample.length).toBeLessThan(all.length / 2);
});

test('the sampling takes a page whose only difference is a new kind of element, and a new course', () => {
  const page = (p: string, course: string | null, html: string): BuiltPage => ({ path: p, template: 'kurs/[course]/[lesson].astro', course, features: featuresOf(`<main>${html}</main>`) });
  const plain = [page('/kurs/a/1/', 'a', '<p>x</p>'), page('/kurs/a/2/', 'a', '<p>y</p>')];
  expect(samplePages(plain).map((p) => p.path)).toEqual(['/kurs/a/1/']);
  const withTable = [...plain, page('/kurs/a/3/', 'a', '<p>z</p><table class="quiz"></table>')];
  expect(samplePages(withTable).map((p) => p.path)).toEqual(['/kurs/a/3/']);
  const withCourse = [...plain, page('/kurs/b/1/', 'b', '<p>x</p>')];
  expect(samplePages(withCourse).map((p) => p.path).sort()).toEqual(['/kurs/a/1/', '/kurs/b/1/']);
});

for (const pagePath of [...sample.map((p) => p.path), '/denne-siden-finnes-ikke/']) {
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
