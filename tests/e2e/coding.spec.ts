// An observer practises a vignette, takes a whole reliability check, and reads the history.
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';
import { superuser } from '../support/accounts';
import { createCycle } from '../support/vignette-fixtures';
import { formatDecimal, formatPercent } from '../../src/lib/coding/format';

interface ShippedVignette {
  slug: string;
  title: string;
  kind: 'short' | 'cycle';
  pool?: 'practice' | 'check';
  codes: Array<{ dimension: string; score: number }>;
}
const shipped: ShippedVignette[] = readVignettes();

/** What the feedback table says for a code of `score` against `master`. */
const markFor = (score: number, master: number) => (score === master ? '✓ eksakt' : Math.abs(score - master) <= 1 ? '≈ innenfor én' : `✗ ${score > master ? '+' : ''}${score - master}`);

/** Codes every dimension shown on the page with the same score, clicking as a person would. */
async function codeAll(page: Page, score: number) {
  const groups = page.locator('fieldset.scale');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups.nth(i).locator('label.score', { hasText: String(score) }).first().click();
  }
  return count;
}

test('a learner practises a short vignette and sees feedback against the master code', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/koding/' });
  // The practice list holds every vignette but the check pool's cycles.
  const listed = await page.locator('.vignette-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const practice = shipped.filter((v) => v.pool !== 'check');
  expect(listed.sort()).toEqual(practice.map((v) => `/koding/${v.slug}/`).sort());
  await page.getByLabel('Type').selectOption('short');
  const first = page.locator('.vignette-list a').first();
  const title = await first.textContent();
  const slug = (await first.getAttribute('href'))!.split('/')[2]!;
  const vignette = shipped.find((v) => v.slug === slug)!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!.trim());

  // Sending with nothing coded is refused in Norwegian.
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(page.getByRole('alert')).toContainText('Du har ikke kodet');

  const dimensions = await codeAll(page, 4);
  await page.getByRole('button', { name: 'Send inn kodene' }).click();
  await expect(page.getByRole('heading', { name: 'Tilbakemelding' })).toBeFocused();
  // The feedback agrees with the master codes in the vignette's file, row by row.
  expect(dimensions).toBe(vignette.codes.length);
  const withinOne = vignette.codes.filter((c) => Math.abs(4 - c.score) <= 1).length;
  const exact = vignette.codes.filter((c) => c.score === 4).length;
  await expect(page.getByTestId('feedback-summary')).toContainText(`${withinOne} av ${dimensions} koder innenfor én av masterkoden, ${exact} eksakt samsvar.`);
  const rows = page.locator('table.feedback tbody tr[data-testid]');
  await expect(rows).toHaveCount(dimensions);
  for (const code of vignette.codes) {
    const row = page.getByTestId(`feedback-${code.dimension}`);
    await expect(row.locator('td').nth(0)).toHaveText('4');
    await expect(row.locator('td').nth(1)).toHaveText(String(code.score));
    await expect(row.locator('td').nth(2)).toHaveText(markFor(4, code.score));
  }
  expect(await axeViolations(page)).toEqual([]);
});

test('a learner takes a whole reliability check, sees the result, and the history chart', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await superuser(baseUrl());
  // Until the content brings at least five toddler cycles to the check pool, fixtures fill it up.
  const pool = await root.collection('vignettes').getFullList({ filter: 'kind = "cycle" && pool = "check" && ageGroup = "toddler"' });
  for (let i = pool.length; i < 5; i++) await createCycle(root, 'toddler', 3 + (i % 3));
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/koding/sjekk/' });
  await page.getByLabel('Småbarn (ca. 1–3 år)').check();
  await page.getByRole('button', { name: 'Start sjekken' }).click();
  // The check exists once its first cycle shows; asking the server before that is a race.
  await expect(page.getByText('Syklus 1 av 5')).toBeVisible();
  const check = await root.collection('reliability_checks').getFirstListItem(root.filter('user = {:u}', { u: learner.id }));

  for (let i = 1; i <= 5; i++) {
    await expect(page.getByText(`Syklus ${i} av 5`)).toBeVisible();
    // The text comes from the server, for this learner's check only: the drawn cycle's title and paragraphs.
    const cycle = await root.collection('vignettes').getFirstListItem(root.filter('slug = {:s}', { s: check.cycles[i - 1] }));
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(cycle.title);
    await expect(page.locator('.cycle-text p').first()).toHaveText(cycle.checkText.split(/\n\s*\n/)[0].trim());
    if (i === 1) expect(await axeViolations(page)).toEqual([]);
    expect(await codeAll(page, 4)).toBe(8);
    await page.getByRole('button', { name: 'Lever syklusen' }).click();
    if (i < 5) {
      await expect(page.getByText(`Syklus ${i} er levert. Ingen tilbakemelding`)).toBeVisible();
      // No feedback while the check is running: no master codes, no justification.
      await expect(page.locator('table.feedback')).toHaveCount(0);
    }
  }

  await expect(page.getByRole('heading', { name: 'Resultat' })).toBeFocused();
  // The verdict the master codes call for: every code was 4.
  const masters = await root.collection('master_codes').getFullList({ filter: root.filter('vignette.slug = {:a} || vignette.slug = {:b} || vignette.slug = {:c} || vignette.slug = {:d} || vignette.slug = {:e}', Object.fromEntries(check.cycles.map((s: string, i: number) => ['abcde'[i]!, s]))) });
  expect(masters).toHaveLength(40);
  const share = masters.filter((m) => Math.abs(4 - m.score) <= 1).length / masters.length;
  const exactShare = masters.filter((m) => m.score === 4).length / masters.length;
  const verdict = share >= 0.8 ? 'Bestått' : 'Ikke bestått';
  await expect(page.getByTestId('check-verdict')).toHaveText(
    `${verdict}: ${formatPercent(share)} av kodene var innenfor én av masterkoden (kravet er 80 %). Eksakt samsvar: ${formatPercent(exactShare)}.`,
    { useInnerText: true },
  );
  await expect(page.getByRole('table', { name: 'Samsvar per dimensjon' }).locator('tbody tr')).toHaveCount(8);
  await expect(page.locator('details')).toHaveCount(5);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Se historikken din' }).click();
  // One check is one row and one point, however many cycles it held.
  await expect(page.getByTestId('history-totals')).toContainText('0 øvingsforsøk og 1 reliabilitetssjekk. 40 koder i alt');
  await expect(page.getByRole('img', { name: /innenfor én av masterkoden/ })).toBeVisible();
  await expect(page.locator('svg circle')).toHaveCount(1);
  // Bias on Positive Climate: the mean of 4 − master over the five cycles, as the page words it.
  const climate = masters.filter((m) => m.dimension === 'positive-climate');
  const bias = climate.reduce((sum, m) => sum + (4 - m.score), 0) / climate.length;
  const sentence =
    Math.abs(bias) < 0.05
      ? 'Du treffer Positivt klima i snitt på masterkoden.'
      : `Du setter Positivt klima i snitt ${formatDecimal(Math.abs(bias))} ${bias > 0 ? 'over' : 'under'} masterkoden.`;
  await expect(page.getByTestId('history-bias')).toContainText(sentence);
  expect(await axeViolations(page)).toEqual([]);
});

test('coding pages tell a reader who is not logged in to log in', async ({ page }) => {
  await page.goto(`${baseUrl()}/koding/sjekk/`);
  await expect(page.getByText('Logg inn for å kode og få tilbakemelding')).toBeVisible();
  await page.goto(`${baseUrl()}/koding/historikk/`);
  await expect(page.getByText('Du må logge inn')).toBeVisible();
});
