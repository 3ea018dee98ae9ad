// A package with several SCOs plays as a list of its parts: each part opens in the player and its
// progress is stored as its own lesson of the package (course pakke-<id>, lesson = the item).
import { test, expect, baseUrl, freshLearner, logIn } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { partsPackage } from '../fixtures/scorm-packages';

test('a multi-SCO package is a list of parts, each played and stored on its own', async ({ page }) => {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id);
  const form = new FormData();
  form.append('file', new Blob([partsPackage() as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'pakke.zip');
  const res = await fetch(`${baseUrl()}/api/tettpa/scorm/packages`, { method: 'POST', body: form, headers: { Authorization: admin.pb.authStore.token } });
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };
  const learner = await freshLearner();
  const rows = async () =>
    (await root.collection('progress').getFullList({ filter: root.filter('user = {:u} && course = {:c}', { u: learner.id, c: `pakke-${id}` }), sort: 'lesson' })).map((r) => [r.lesson, r.status]);

  await logIn(page, learner.email, { next: `/eksterne-kurs/?pakke=${id}` });
  const parts = page.getByRole('navigation', { name: 'Deler i kurset' });
  await expect(parts.getByRole('link')).toHaveText(['Håndvask', 'Kjøleskapet']);
  await expect(parts.getByRole('link', { name: 'Håndvask' })).toHaveAttribute('aria-current', 'page');
  const sco = page.frameLocator('iframe[title^="Kursinnhold"]');
  await expect(sco.locator('#tilstand')).toHaveText(/^Håndvask: (?!completed)/);
  await sco.getByRole('button', { name: 'Fullfør håndvask' }).click();
  await expect.poll(rows).toEqual([['del-a', 'completed']]);

  // The second part, by keyboard.
  await parts.getByRole('link', { name: 'Kjøleskapet' }).focus();
  await page.keyboard.press('Enter');
  await expect(parts.getByRole('link', { name: 'Kjøleskapet' })).toHaveAttribute('aria-current', 'page');
  await expect(sco.locator('#tilstand')).toHaveText(/^Kjøleskapet: (?!completed)/);
  await sco.getByRole('button', { name: 'Fullfør kjøleskapet' }).click();
  await expect.poll(rows).toEqual([['del-a', 'completed'], ['del-b', 'completed']]);

  // Back to the first: it is handed its own state, not the second's.
  await parts.getByRole('link', { name: 'Håndvask' }).click();
  await expect(sco.locator('#tilstand')).toHaveText('Håndvask: completed');

  // Min side names the package and its parts; the styrer's report shows the package as a course.
  await page.goto(`${baseUrl()}/min-side/`);
  await expect(page.getByTestId(`progress-pakke-${id}-del-b`)).toContainText('Hygiene på kjøkkenet');
  await expect(page.getByTestId(`progress-pakke-${id}-del-b`).getByRole('link', { name: 'Kjøleskapet' })).toHaveAttribute('href', `/eksterne-kurs/?pakke=${id}&del=del-b`);
  const { barnehage } = await root.collection('users').getOne(learner.id);
  const styrer = await createUser(root, 'styrer', barnehage);
  const leader = await page.context().browser()!.newPage();
  await logIn(leader, styrer.email, { next: '/leder/' });
  await expect(leader.getByRole('columnheader', { name: /Hygiene på kjøkkenet/ })).toBeVisible();
  await expect(leader.getByTestId(`staff-${learner.id}`)).toContainText('Fullført');
  await leader.close();

  // Removed: the progress stays on Min side, marked, without a link to play.
  const removed = await fetch(`${baseUrl()}/api/tettpa/scorm/packages/${id}`, { method: 'DELETE', headers: { Authorization: admin.pb.authStore.token } });
  expect(removed.status).toBe(204);
  await page.reload();
  await expect(page.getByTestId(`progress-pakke-${id}-del-b`)).toContainText('Hygiene på kjøkkenet (fjernet pakke)');
  await expect(page.getByTestId(`progress-pakke-${id}-del-b`).getByRole('link')).toHaveCount(0);
});
