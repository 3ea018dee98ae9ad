// Password guessing: after ten failures an account is closed for login for a while (429, in
// Norwegian), even for the right password, while other accounts go on as before.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, PASSWORD, superuser, type TestUser } from '../support/accounts';

const url = inject('pocketbaseUrl');
let barnehage: string;

async function logIn(email: string, password: string) {
  const res = await fetch(`${url}/api/collections/users/auth-with-password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity: email, password }),
  });
  return { status: res.status, json: (await res.json()) as { message?: string; token?: string } };
}

async function newUser(): Promise<TestUser> {
  return createUser(await superuser(url), 'deltaker', barnehage);
}

beforeAll(async () => {
  barnehage = (await createBarnehage(await superuser(url))).id;
});

describe('the login guard', () => {
  it('closes an account after ten wrong passwords, even for the right one, and says so in Norwegian', async () => {
    const user = await newUser();
    for (let i = 0; i < 10; i++) expect((await logIn(user.email, `feil-${i}`)).status).toBe(400);
    const locked = await logIn(user.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.message).toMatch(/For mange mislykkede innlogginger.*stengt for innlogging i 15 minutter/);
    expect(locked.json.token).toBeUndefined();
    // The address typed differently is the same account.
    expect((await logIn(user.email.toUpperCase(), PASSWORD)).status).toBe(429);
  });

  it('leaves other accounts alone, though they come from the same address', async () => {
    const victim = await newUser();
    const neighbour = await newUser();
    for (let i = 0; i < 10; i++) await logIn(victim.email, 'feil');
    expect((await logIn(victim.email, PASSWORD)).status).toBe(429);
    const ok = await logIn(neighbour.email, PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.json.token).toBeTruthy();
  });

  it('forgets earlier failures after a successful login', async () => {
    const user = await newUser();
    for (let i = 0; i < 9; i++) expect((await logIn(user.email, 'feil')).status).toBe(400);
    expect((await logIn(user.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await logIn(user.email, 'feil')).status).toBe(400);
    expect((await logIn(user.email, PASSWORD)).status).toBe(200);
    // 18 failures in all, yet open: only the ones since the last success count. Ten more close it.
    for (let i = 0; i < 10; i++) expect((await logIn(user.email, 'feil')).status).toBe(400);
    expect((await logIn(user.email, PASSWORD)).status).toBe(429);
  });

  it('lets no more than ten guesses through when they come all at once', async () => {
    const user = await newUser();
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(user.email, `feil-${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('also guards an address that has no account, so a guess tells nothing about who exists', async () => {
    const email = `ingen-${Date.now()}@test.tettpa.no`;
    for (let i = 0; i < 10; i++) expect((await logIn(email, 'feil')).status).toBe(400);
    expect((await logIn(email, 'feil')).status).toBe(429);
  });
});

describe('the password check before deleting an account', () => {
  it('is guarded the same way, so a stolen session cannot be used to guess the password', async () => {
    const user = await newUser();
    const del = (password: string) =>
      fetch(`${url}/api/tettpa/me/delete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: user.pb.authStore.token },
        body: JSON.stringify({ password }),
      });
    for (let i = 0; i < 10; i++) expect((await del(`feil-${i}`)).status).toBe(400);
    const locked = await del(PASSWORD);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(/For mange mislykkede/);
    const root = await superuser(url);
    expect((await root.collection('users').getOne(user.id)).email).toBe(user.email);
    expect((await logIn(user.email, PASSWORD)).status).toBe(429);
  });
});

describe('an e-mail address typed with capitals', () => {
  it('logs in to the same account, and cannot be given to a second account', async () => {
    const user = await newUser();
    const typed = user.email.charAt(0).toUpperCase() + user.email.slice(1).replace('@test', '@TEST');
    expect((await logIn(typed, PASSWORD)).status).toBe(200);
    const root = await superuser(url);
    await expect(
      root.collection('users').create({ email: user.email.toUpperCase(), name: 'Tvilling', role: 'deltaker', barnehage, stilling: 'assistent', password: PASSWORD, passwordConfirm: PASSWORD }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
