// A learner plays an uploaded package on /eksterne-kurs/: the package (sandboxed) reaches the API by
// postMessage, every commit is stored in `progress` like our lessons (course pakke-<id>), and a
// learner who leaves in the middle comes back to the same place.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, baseUrl, freshLearner, logIn } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { reportingPackage } from '../fixtures/scorm-packages';

test('a learner plays a package, leaves in the middle, resumes at the same place and finishes', async ({ page }) => {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id);
  const form = new FormData();
  form.append('file', new Blob([reportingPackage() as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'pakke.zip');
  const res = await fetch(`${baseUrl()}/api/tettpa/scorm/packages`, { method: 'POST', body: form, headers: { Authorization: admin.pb.authStore.token } });
  const { id } = (await res.json()) as { id: string };
  const row = async () => {
    const rows = await root.collection('progress').getFullList({ filter: root.filter('user = {:u} && course = {:c}', { u: learner.id, c: `pakke-${id}` }) });
    return rows[0];
  };

  const learner = await freshLearner();
  // The package is in the course list as an external course.
  await logIn(page, learner.email, { next: '/kurs/' });
  await page.getByTestId('external-courses').getByRole('link', { name: 'Brannøvelse for nyansatte' }).click();
  await expect(page).toHaveURL(new RegExp(`/eksterne-kurs/\\?pakke=${id}$`));
  const sco = page.frameLocator('iframe[title^="Kursinnhold"]');
  await expect(sco.getByText('Start: ab-initio / side-1 / -')).toBeVisible();
  // Our page is axe-clean; the package inside the frame is someone else's markup.
  const ours = await new AxeBuilder({ page }).exclude('iframe').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(ours.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await sco.getByRole('button', { name: 'Til side 2' }).click();
  await expect.poll(async () => (await row())?.location).toBe('side-2');
  expect(await row()).toMatchObject({ lesson: 'ovelse-1', status: 'incomplete', suspend_data: 'notat fra side 1' });

  // Leaving in the middle and coming back: the package is handed what it saved.
  await page.reload();
  await expect(sco.getByText('Start: resume / side-2 / notat fra side 1')).toBeVisible();

  await sco.getByRole('button', { name: 'Fullfør øvelsen' }).click();
  await expect(page.getByTestId('lesson-status')).toContainText('Fullført');
  await expect.poll(async () => (await row())?.status).toBe('completed');
  expect((await row())?.score).toBe(80);
});
