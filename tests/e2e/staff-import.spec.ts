// An admin brings staff in from a spreadsheet in the real browser: preview, the bad lines, import.
import { randomUUID } from 'node:crypto';
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { superuser } from '../support/accounts';
import { staffFile, windows1252 } from '../support/staff-file.mjs';
import { DEMO_PASSWORD } from '../../scripts/lib/config.mjs';

const ADMIN = { email: 'admin@demo.tettpa.no', password: DEMO_PASSWORD };

test('an admin previews a staff file, sees its bad line, and imports the corrected file by keyboard', async ({ page }) => {
  const prefix = `e2e${randomUUID().slice(0, 6)}`;
  await logIn(page, ADMIN.email, { next: '/admin/', password: ADMIN.password });
  await page.getByRole('link', { name: 'Importer ansatte fra regneark' }).click();
  await expect(page).toHaveURL(`${baseUrl()}/admin/import/`);
  expect(await axeViolations(page)).toEqual([]);

  const bad = staffFile({ count: 6, prefix, badEvery: 6 });
  await page.getByLabel('CSV-fil med de ansatte').setInputFiles({ name: 'ansatte.csv', mimeType: 'text/csv', buffer: windows1252(bad.text) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByRole('heading', { name: 'Forhåndsvisning av ansatte.csv' })).toBeFocused();
  await expect(page.getByTestId('import-summary')).toHaveText('5 nye, 0 endres og 0 er uendret.');
  await expect(page.getByTestId('import-error')).toHaveCount(1);
  await expect(page.getByTestId('import-error').getByRole('cell')).toHaveText(['7', 'E-post', /er ikke en gyldig e-postadresse/]);
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);

  const good = staffFile({ count: 6, prefix });
  await page.getByLabel('CSV-fil med de ansatte').setInputFiles({ name: 'ansatte-rettet.csv', mimeType: 'text/csv', buffer: windows1252(good.text) });
  await expect(page.getByText('Du har valgt en annen fil. Forhåndsvis den før du importerer.')).toBeVisible();
  await page.getByRole('button', { name: 'Forhåndsvis' }).press('Enter');
  await expect(page.getByTestId('import-summary')).toHaveText('6 nye, 0 endres og 0 er uendret.');
  await expect(page.getByTestId('import-created')).toHaveCount(6);
  await expect(page.getByTestId('import-created').first()).toContainText('Åse Ødegård');
  expect(await axeViolations(page)).toEqual([]);

  const importButton = page.getByRole('button', { name: 'Importer', exact: true });
  await expect(importButton).toBeEnabled();
  await importButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Resultat av importen' })).toBeFocused();
  await expect(page.getByTestId('import-done')).toHaveText('Importen er ferdig: 6 nye, 0 endret og 0 uendret.');
  expect(await axeViolations(page)).toEqual([]);

  // Next year's file: one person changed job, one has left.
  const lines = good.text.split('\r\n');
  lines[2] = lines[2]!.replace(';Barnehagelærer;', ';Pedagogisk leder;');
  lines.splice(6, 1);
  await page.getByLabel('CSV-fil med de ansatte').setInputFiles({ name: 'ansatte-2027.csv', mimeType: 'text/csv', buffer: windows1252(lines.join('\r\n')) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('0 nye, 1 endres og 4 er uendret.');
  await expect(page.getByTestId('import-updated')).toContainText('Stilling: Barnehagelærer → Pedagogisk leder');
  await expect(page.getByTestId('import-not-in-file')).toHaveCount(1);
  await expect(page.getByTestId('import-not-in-file')).toContainText(`${prefix}.ansatt5@barnehage.test`);
  expect(await axeViolations(page)).toEqual([]);

  const root = await superuser(baseUrl());
  const people = await root.collection('users').getFullList({ filter: root.filter('email ~ {:p}', { p: `${prefix}.` }) });
  expect(people.map((p) => p.name).sort()).toEqual(['Bjørn Ødegård', 'Håkon Ødegård', 'Kjærsti Ødegård', 'Mari Ødegård', 'Øystein Ødegård', 'Åse Ødegård'].sort());
});

test('the whole staff: a 2,000-line Windows-1252 file with 20 bad lines shows exactly those 20, and cannot be imported', async ({ page }) => {
  const file = staffFile({ count: 2000, prefix: `e2e${randomUUID().slice(0, 6)}`, badEvery: 100 });
  await logIn(page, ADMIN.email, { next: '/admin/import/', password: ADMIN.password });
  await page.getByLabel('CSV-fil med de ansatte').setInputFiles({ name: 'alle-ansatte.csv', mimeType: 'text/csv', buffer: windows1252(file.text) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('1980 nye, 0 endres og 0 er uendret.');
  await expect(page.getByRole('heading', { name: 'Feil i fila (20)' })).toBeVisible();
  const shown = await page.getByTestId('import-error').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '')));
  expect(shown.map(([line, field]) => ({ line: Number(line), field }))).toEqual(file.expected.map(({ line, field }) => ({ line, field: field || 'Hele linjen' })));
  expect(shown.every(([, , reason]) => (reason ?? '').length > 10)).toBe(true);
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
});

test('a learner who opens the import page is told it is not for them', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/admin/import/' });
  await expect(page.getByText('Denne siden er for Kompetanseteam barnehage.')).toBeVisible();
  await expect(page.getByLabel('CSV-fil med de ansatte')).toHaveCount(0);
});
