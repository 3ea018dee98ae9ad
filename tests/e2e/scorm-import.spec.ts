// Admin puts another organisation's SCORM 1.2 package into the platform from /admin/ in a real
// browser: a good package is listed with its parts, a broken one is refused with the server's
// Norwegian message and nothing is stored.
import { test, expect, axeViolations, baseUrl, logIn } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { oneSco, brokenPackages } from '../fixtures/scorm-packages';

test('admin uploads a package and sees it listed; a broken one is refused in Norwegian', async ({ page }) => {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id, 'Ada Admin');
  const before = (await root.collection('scorm_packages').getList(1, 1)).totalItems;
  await logIn(page, admin.email, { next: '/admin/' });

  const field = page.getByLabel('SCORM 1.2-pakke (.zip)');
  const broken = brokenPackages().find((p) => p.name === 'missing launch file')!;
  await field.setInputFiles({ name: 'brannvern.zip', mimeType: 'application/zip', buffer: Buffer.from(broken.data) });
  await page.getByRole('button', { name: 'Last opp pakken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pakken mangler startfilen `shared/launchpage.html`' })).toBeVisible();
  expect((await root.collection('scorm_packages').getList(1, 1)).totalItems).toBe(before);

  await field.setInputFiles({ name: 'brannvern.zip', mimeType: 'application/zip', buffer: Buffer.from(oneSco()) });
  await page.getByRole('button', { name: 'Last opp pakken' }).click();
  await expect(page.getByTestId('scorm-uploaded')).toContainText('«Brannvern i barnehagen» er lagt inn med 1 deler');
  await expect(page.getByTestId('scorm-uploaded')).toContainText('Rømningsveier');
  await expect(page.getByTestId('scorm-packages')).toContainText('Brannvern i barnehagen');
  expect((await root.collection('scorm_packages').getList(1, 1)).totalItems).toBe(before + 1);
  expect(await axeViolations(page)).toEqual([]);
});
