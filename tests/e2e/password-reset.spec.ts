// "Glemt passordet?" and the invitation of imported staff in a real browser: the mail arrives in Mailpit (a real SMTP server), its link
// opens our Norwegian page, the new password is saved and the person is logged in.
import { test, expect, baseUrl, axeViolations, freshLearner } from './fixtures';
import { randomUUID } from 'node:crypto';
import { linkIn, waitForMail } from '../support/mailpit';
import { superuser } from '../support/accounts';
import { postStaffFile, staffFile, windows1252 } from '../support/staff-file.mjs';

const mailpitUrl = () => {
  const url = process.env.E2E_MAILPIT_URL;
  if (!url) throw new Error('E2E_MAILPIT_URL mangler: global-setup har ikke startet Mailpit');
  return url;
};

test('a learner who forgot the password gets a link by mail, chooses a new one and is logged in', async ({ page }) => {
  const learner = await freshLearner();
  await page.goto(`${baseUrl()}/logg-inn/`);
  await page.getByRole('link', { name: 'Glemt passordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glemt passordet?' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // Typed as a phone would: a capital letter and a trailing space.
  await page.getByLabel('E-postadresse').fill(` ${learner.email.charAt(0).toUpperCase()}${learner.email.slice(1)} `);
  await page.getByRole('button', { name: 'Send lenke' }).click();
  await expect(page.getByRole('status')).toContainText(`har vi nå sendt en e-post`);

  const mail = await waitForMail(mailpitUrl(), learner.email, 'Nytt passord til Tett på læring');
  const link = linkIn(mail, `${baseUrl()}/nytt-passord/?token=`);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Velg nytt passord' })).toBeVisible();
  // The token leaves the address bar at once.
  await expect(page).toHaveURL(`${baseUrl()}/nytt-passord/`);
  await expect(page.getByText(`Kontoen: ${learner.email}`)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Nytt passord').fill('kort');
  await page.getByLabel('Gjenta passordet').fill('kort');
  await page.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
  await expect(page.getByRole('alert')).toContainText('Passordet må ha minst 8 tegn.');

  await page.getByLabel('Nytt passord').fill('mitt-nye-passord-9');
  await page.getByLabel('Gjenta passordet').fill('mitt-nye-passord-9');
  await page.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
  await page.waitForURL(`${baseUrl()}/min-side/`);
  await expect(page.getByRole('banner').getByText(`Innlogget som ${learner.name}`)).toBeVisible();

  // The same link a second time is refused with a way forward.
  await page.goto(link);
  await page.getByLabel('Nytt passord').fill('et-tredje-passord-9');
  await page.getByLabel('Gjenta passordet').fill('et-tredje-passord-9');
  await page.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
  await expect(page.getByRole('alert')).toContainText('Lenken er utløpt eller allerede brukt');
  await expect(page.getByRole('link', { name: 'Be om en ny lenke' })).toBeVisible();
});

test('an imported person opens the invitation, chooses a password on our page and is logged in', async ({ page }) => {
  const prefix = `e2einv${randomUUID().slice(0, 6)}`;
  const root = await superuser(baseUrl());
  const imported = await postStaffFile(baseUrl(), root.authStore.token, windows1252(staffFile({ count: 1, prefix }).text), false);
  expect(imported.status).toBe(200);
  const email = `${prefix}.ansatt0@barnehage.test`;

  const mail = await waitForMail(mailpitUrl(), email, 'Du har fått tilgang til Tett på læring');
  await page.goto(linkIn(mail, `${baseUrl()}/nytt-passord/?token=`));
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen til Tett på læring' })).toBeVisible();
  await expect(page.getByText(`Kontoen: ${email}`)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Nytt passord').fill('invitert-passord-7');
  await page.getByLabel('Gjenta passordet').fill('invitert-passord-7');
  await page.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
  await page.waitForURL(`${baseUrl()}/min-side/`);
  await expect(page.getByRole('banner').getByText('Innlogget som Åse Ødegård')).toBeVisible();
});
