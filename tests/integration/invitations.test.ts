// Imported staff are invited by real e-mail (Mailpit): one Norwegian mail per new person, with a
// link to our own page that lets them choose a password; a preview or a re-import sends nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { linkIn, mailsTo, waitForMail } from '../support/mailpit';
import { postStaffFile, staffFile, windows1252 } from '../support/staff-file.mjs';

const url = inject('pocketbaseUrl');
const mailpitUrl = inject('mailpitUrl');
let admin: TestUser;

const SUBJECT = 'Du har fått tilgang til Tett på læring';

async function post(path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return res.status;
}

beforeAll(async () => {
  const root = await superuser(url);
  admin = await createUser(root, 'admin', (await createBarnehage(root)).id, 'Ina Inviterer');
});

describe('the invitation of imported staff', () => {
  it('reaches every new person once, in Norwegian, and its link sets a password that logs them in', async () => {
    const prefix = `inv${randomUUID().slice(0, 6)}`;
    const file = windows1252(staffFile({ count: 3, prefix }).text);
    const preview = await postStaffFile(url, admin.pb.authStore.token, file, true);
    expect(preview.status).toBe(200);
    const emails = [0, 1, 2].map((i) => `${prefix}.ansatt${i}@barnehage.test`);
    const res = await postStaffFile(url, admin.pb.authStore.token, file, false);
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(3);

    const mails = await Promise.all(emails.map((e) => waitForMail(mailpitUrl, e, SUBJECT)));
    const first = mails[0]!;
    expect(first.text).toMatch(/Velg ditt eget passord her \(lenken virker i 7 dager og bare én gang\)/);
    expect(first.text).toContain(`Brukernavnet ditt er e-postadressen ${emails[0]}`);
    expect(first.html).toContain('Åse Ødegård');

    const token = new URL(linkIn(first, `${url}/nytt-passord/?token=`)).searchParams.get('token')!;
    expect(await post('/api/collections/users/confirm-password-reset', { token, password: 'mitt-eget-passord', passwordConfirm: 'mitt-eget-passord' })).toBe(204);
    expect(await post('/api/collections/users/auth-with-password', { identity: emails[0], password: 'mitt-eget-passord' })).toBe(200);
    // The link is spent once used.
    expect(await post('/api/collections/users/confirm-password-reset', { token, password: 'et-annet-passord', passwordConfirm: 'et-annet-passord' })).toBe(400);

    // The same file again creates nobody and invites nobody a second time.
    const again = await postStaffFile(url, admin.pb.authStore.token, file, false);
    expect(again.json.created).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    for (const e of emails) expect((await mailsTo(mailpitUrl, e)).filter((m) => m.subject === SUBJECT)).toHaveLength(1);
  });

  it('sends nothing for a preview', async () => {
    const prefix = `inv${randomUUID().slice(0, 6)}`;
    const res = await postStaffFile(url, admin.pb.authStore.token, windows1252(staffFile({ count: 2, prefix }).text), true);
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await mailsTo(mailpitUrl, `${prefix}.ansatt0@barnehage.test`)).toHaveLength(0);
  });
});
