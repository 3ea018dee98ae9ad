// Issue 14: "Neste øving for deg" on /koding/, and drift on the history page, in a real browser.
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';
import { call } from '../support/api';

interface ShippedVignette {
  slug: string;
  title: string;
  codes: Array<{ dimension: string; score: number }>;
}
const shipped: ShippedVignette[] = readVignettes();
// Practice vignettes whose master code for language support is low (1–2).
const lowLanguage = ['brodskiver-i-hoye-stoler', 'frilek-etter-frokosten', 'legobordet', 'ruben-pa-stellebordet', 'syklus-forskole-overgang-til-lunsj'];

test('a fresh learner sees the starter suggestion on /koding/, with a link that opens it', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/koding/' });
  const card = page.getByTestId('next-practice');
  await expect(card.getByRole('heading', { name: 'Neste øving for deg' })).toBeVisible();
  await expect(card.getByTestId('next-reason')).toContainText('kort, variert sett');
  expect(await axeViolations(page)).toEqual([]);
  const link = card.getByRole('link', { name: /^Øv på «/ });
  const title = (await link.textContent())!.match(/«(.+)»/)![1]!;
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a learner who sets language support too high is sent to a low one, and the history page flags the drift', async ({ page }) => {
  const learner = await freshLearner();
  for (const slug of lowLanguage) {
    const v = shipped.find((s) => s.slug === slug)!;
    const scores = Object.fromEntries(v.codes.map((c) => [c.dimension, c.dimension === 'language-modeling' ? c.score + 2 : c.score]));
    expect((await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: slug, scores })).status).toBe(200);
  }
  await logIn(page, learner.email, { next: '/koding/' });
  const card = page.getByTestId('next-practice');
  await expect(card.getByTestId('next-reason')).toHaveText('Du setter Språkstøtte i snitt 2,0 for høyt når masterkoden er lav.');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${baseUrl()}/koding/historikk/`);
  await expect(page.getByRole('heading', { name: 'Drift i kodingen din' })).toBeVisible();
  await expect(page.getByTestId('drift-warnings')).toContainText('Språkstøtte: du setter i snitt 2,0 over masterkoden i de siste 5 kodene.');
  await expect(page.getByTestId('bias-chart')).toBeVisible();
  await expect(page.getByTestId('scale-chart')).toBeVisible();
  // The numbers are also a table for screen readers.
  const table = page.getByRole('table', { name: 'Skjevhet per dimensjon, de siste kodene' });
  await expect(table.getByRole('row', { name: /Språkstøtte/ })).toContainText('+2,0');
  expect(await axeViolations(page)).toEqual([]);
});

test('a reader who is not logged in is asked to log in for a suggestion', async ({ page }) => {
  await page.goto(`${baseUrl()}/koding/`);
  await expect(page.getByTestId('next-practice')).toContainText('Logg inn, så foreslår vi neste øving');
});
