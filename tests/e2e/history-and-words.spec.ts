// The coding history counts what it lists, dates its chart and opens a past check's result again;
// the vignette filter names each dimension once; counts and labels read as Norwegian.
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { superuser } from '../support/accounts';
import { call } from '../support/api';
import { createCycle } from '../support/vignette-fixtures';
import { catalogue } from '../../src/lib/class/catalogue';

const toddlerKeys = catalogue.ageGroups.find((g) => g.key === 'toddler')!.domains.flatMap((d) => d.dimensions);

test('the history counts its rows, dates its chart, names the check plainly and reopens its result', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await superuser(baseUrl());
  const pool = await root.collection('vignettes').getFullList({ filter: 'kind = "cycle" && pool = "check" && ageGroup = "toddler"' });
  for (let i = pool.length; i < 5; i++) await createCycle(root, 'toddler', 3 + (i % 3));
  const learner = await freshLearner();
  const vignette = await root.collection('vignettes').getFirstListItem('slug = "aktivitetsgrupper-med-tall"');
  const scores = Object.fromEntries((vignette.dimensions as string[]).map((d) => [d, 4]));
  for (let i = 0; i < 2; i++) expect((await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: vignette.slug, scores })).status).toBe(200);
  const check = await call(learner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
  expect(check.status).toBe(200);
  for (const slug of check.json.cycles as string[]) {
    const sent = await call(learner.pb, 'POST', `/api/tettpa/checks/${check.json.id}/cycles/${slug}`, { scores: Object.fromEntries(toddlerKeys.map((d) => [d, 4])) });
    expect(sent.status).toBe(200);
  }

  await logIn(page, learner.email, { next: '/koding/historikk/' });
  // Two practice attempts and one check of five cycles: three rows, not "7 forsøk".
  await expect(page.getByTestId('history-totals')).toContainText('2 øvingsforsøk og 1 reliabilitetssjekk.');
  const rows = page.getByRole('region', { name: 'Forsøk' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('svg circle')).toHaveCount(3);
  // Every point is dated under the axis, in Norwegian.
  const today = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short' }).format(new Date());
  await expect(page.getByTestId('chart-date')).toHaveCount(3);
  await expect(page.getByTestId('chart-date').first()).toHaveText(today);
  await expect(page.getByRole('img', { name: /innenfor én/ }).locator('desc')).toContainText(`${today}: `);

  const checkRow = rows.filter({ hasText: 'Reliabilitetssjekk' });
  await expect(checkRow).toContainText('Reliabilitetssjekk, Småbarn (ca. 1–3 år)');
  await expect(page.getByText('(Småbarn (ca. 1–3 år))')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await checkRow.getByRole('link', { name: /Se resultatet/ }).click();
  await page.waitForURL(`${baseUrl()}/koding/sjekk/?sjekk=${check.json.id}`);
  await expect(page.getByRole('heading', { name: 'Resultat' })).toBeVisible();
  await expect(page.getByTestId('check-verdict')).toContainText('av kodene var innenfor én av masterkoden');
  await expect(page.locator('details')).toHaveCount(5);
});

test('someone else’s check result does not open from its address', async ({ page }) => {
  const owner = await freshLearner();
  const check = await call(owner.pb, 'POST', '/api/tettpa/checks', { ageGroup: 'toddler' });
  const other = await freshLearner();
  await logIn(page, other.email, { next: `/koding/sjekk/?sjekk=${check.json.id}` });
  await expect(page.getByRole('heading', { name: 'Resultat' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start sjekken' })).toBeVisible();
});

test('the vignette filter lists each dimension name once, and a shared name finds both age groups', async ({ page }) => {
  await page.goto(`${baseUrl()}/koding/`);
  const options = await page.getByLabel('Dimensjon').locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(10);
  expect(options.length).toBe(new Set(options).size);
  expect(options.filter((o) => o === 'Ta barnets perspektiv')).toHaveLength(1);

  // A lesson's link names one of the two keys: the choice shows, and it finds that age group's vignettes.
  await page.goto(`${baseUrl()}/koding/?dimensjon=regard-for-student-perspectives`);
  await expect(page.getByLabel('Dimensjon')).toHaveValue('regard-for-child-perspectives');
  const cards = page.locator('.vignette-list .card');
  await expect(cards.first()).toBeVisible();
  const groups = new Set(await cards.locator('.meta span:first-child').allTextContents());
  expect(groups).toEqual(new Set(['Småbarn (ca. 1–3 år)', 'Storbarn (ca. 3–6 år)']));
});

test('a vignette coded once says so in Norwegian, and twice in the plural', async ({ page }) => {
  const learner = await freshLearner();
  const root = await superuser(baseUrl());
  const vignette = await root.collection('vignettes').getFirstListItem('slug = "aktivitetsgrupper-med-tall"');
  const scores = Object.fromEntries((vignette.dimensions as string[]).map((d) => [d, 4]));
  await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: vignette.slug, scores });
  await logIn(page, learner.email, { next: '/koding/' });
  await expect(page.getByTestId(`done-${vignette.slug}`)).toHaveText(/^Kodet én gang, \d+\s%\s?innenfor én$/);
  await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: vignette.slug, scores });
  await page.reload();
  await expect(page.getByTestId(`done-${vignette.slug}`)).toHaveText(/^Kodet 2 ganger, sist \d+\s%\s?innenfor én$/);
});
