// An uploaded package never runs with our site's privileges: a package whose script tries to read
// the learner's token and call our API as the learner gets nothing, even opened directly in the
// learner's logged-in browser.
import { test, expect, baseUrl, freshLearner, logIn } from './fixtures';
import { createBarnehage, createUser, superuser } from '../support/accounts';
import { snoopingPackage } from '../fixtures/scorm-packages';

test('a snooping package cannot read the token or use the API as the learner', async ({ page }) => {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id);
  const form = new FormData();
  form.append('file', new Blob([snoopingPackage() as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'pakke.zip');
  const res = await fetch(`${baseUrl()}/api/tettpa/scorm/packages`, { method: 'POST', body: form, headers: { Authorization: admin.pb.authStore.token } });
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };

  const learner = await freshLearner();
  await logIn(page, learner.email, { next: '/kurs/nyansatt/hva-er-tett-pa/' });
  await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();
  // The same page, as our site: the token is there and the API answers the learner.
  expect(await page.evaluate(() => localStorage.getItem('pocketbase_auth'))).toContain('token');

  // Opened directly with a ticket the learner was given (the files need one).
  const ticketRes = await fetch(`${baseUrl()}/api/tettpa/scorm/packages/${id}/ticket`, { headers: { Authorization: learner.pb.authStore.token } });
  const { ticket } = (await ticketRes.json()) as { ticket: string };
  await page.goto(`${baseUrl()}/api/tettpa/scorm/packages/${id}/files/${ticket}/index.html`);
  await expect(page.getByRole('heading', { name: 'Nysgjerrig pakke' })).toBeVisible();
  await expect(page.locator('#resultat')).not.toBeEmpty();
  const seen = JSON.parse((await page.locator('#resultat').textContent()) ?? '{}');
  expect(seen.origin).toBe('null');
  expect(seen.storage).toMatch(/^sperret/);
  expect(seen.me).not.toBe(200);
  // Refused by the browser (an opaque origin asking with credentials) or answered as anonymous.
  expect(seen.progress === 'nettverksfeil' || seen.progress === 0, JSON.stringify(seen)).toBe(true);
});
