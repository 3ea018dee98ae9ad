// Forgotten passwords go by real e-mail (Mailpit) in Norwegian, with a link to our own page; after a
// lockout the reset mail says someone tried and the new password opens the account at once.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, PASSWORD, superuser, type TestUser } from '../support/accounts';
import { linkIn, mailsTo, waitForMail } from '../support/mailpit';
import { TEST_ADMIN } from '../support/test-server';

const url = inject('pocketbaseUrl');
const mailpitUrl = inject('mailpitUrl');
let barnehage: string;

async function post(path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const logIn = (email: string, password: string) => post('/api/collections/users/auth-with-password', { identity: email, password });
const requestReset = (email: string) => post('/api/collections/users/request-password-reset', { email });

async function newUser(): Promise<TestUser> {
  return createUser(await superuser(url), 'deltaker', barnehage);
}

/** The token in the link of the newest reset mail to `email`. */
async function tokenFromResetMail(email: string): Promise<{ token: string; text: string; html: string }> {
  const mail = await waitForMail(mailpitUrl, email, 'Nytt passord til Tett på læring');
  const link = linkIn(mail, `${url}/nytt-passord/?token=`);
  return { token: new URL(link).searchParams.get('token')!, text: mail.text, html: mail.html };
}

beforeAll(async () => {
  barnehage = (await createBarnehage(await superuser(url))).id;
});

describe('a forgotten password', () => {
  it('is reset through a Norwegian mail whose link leads to our own page, and the new password works', async () => {
    const user = await newUser();
    expect((await requestReset(user.email)).status).toBe(204);
    const { token, text, html } = await tokenFromResetMail(user.email);
    expect(text).toMatch(/Vi har fått en forespørsel om nytt passord/);
    expect(html).toContain('Velg nytt passord');
    expect(html).not.toMatch(/Reset password|_\/#\/auth/);

    const confirmed = await post('/api/collections/users/confirm-password-reset', { token, password: 'et-nytt-passord-1', passwordConfirm: 'et-nytt-passord-1' });
    expect(confirmed.status).toBe(204);
    expect((await logIn(user.email, PASSWORD)).status).toBe(400);
    expect((await logIn(user.email, 'et-nytt-passord-1')).status).toBe(200);
    // The link works once.
    const again = await post('/api/collections/users/confirm-password-reset', { token, password: 'et-tredje-passord', passwordConfirm: 'et-tredje-passord' });
    expect(again.status).toBe(400);
  });

  it('answers the same for an address without an account, and sends nothing', async () => {
    const nobody = `ingen-${Date.now()}@test.tettpa.no`;
    expect((await requestReset(nobody)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(mailpitUrl, nobody)).toHaveLength(0);
  });

  it('reaches a superuser in Norwegian too', async () => {
    const res = await post('/api/collections/_superusers/request-password-reset', { email: TEST_ADMIN.email });
    expect(res.status).toBe(204);
    const mail = await waitForMail(mailpitUrl, TEST_ADMIN.email, 'Nytt passord til administrasjonen av Tett på læring');
    expect(mail.text).toMatch(/superbrukeren din/);
  });
});

describe('after a lockout', () => {
  it('the reset mail says someone tried, and the new password opens the account at once', async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i++) expect((await logIn(user.email, `feil-${i}`)).status).toBe(400);
    expect((await logIn(user.email, PASSWORD)).status).toBe(429);

    expect((await requestReset(user.email)).status).toBe(204);
    const { token, text } = await tokenFromResetMail(user.email);
    expect(text).toMatch(/midlertidig stengt for innlogging/);
    expect(text).toMatch(/noen prøvd å komme inn på kontoen din/);

    const confirmed = await post('/api/collections/users/confirm-password-reset', { token, password: 'eierens-nye-passord', passwordConfirm: 'eierens-nye-passord' });
    expect(confirmed.status).toBe(204);
    expect((await logIn(user.email, 'eierens-nye-passord')).status).toBe(200);
  });

  it('a reset mail without a lockout says nothing about one', async () => {
    const user = await newUser();
    expect((await logIn(user.email, 'feil-en-gang')).status).toBe(400);
    expect((await requestReset(user.email)).status).toBe(204);
    const { text } = await tokenFromResetMail(user.email);
    expect(text).not.toMatch(/midlertidig stengt/);
  });
});
