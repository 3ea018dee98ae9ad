// An operator's safe defaults, tried through the API as an attacker would: the admin UI's login,
// password changes and join codes are guarded against guessing; report cells cannot become
// formulas; a kursleder can delete their account; loose input is refused in Norwegian.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, PASSWORD, statusOf, superuser, type TestUser } from '../support/accounts';
import { createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');
let root: PocketBase;
let barnehage: string;

beforeAll(async () => {
  root = await superuser(url);
  barnehage = (await createBarnehage(root)).id;
});

async function authWithPassword(collection: string, identity: string, password: string) {
  const res = await fetch(`${url}/api/collections/${collection}/auth-with-password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity, password }),
  });
  return { status: res.status, json: (await res.json()) as { message?: string; token?: string } };
}

describe('the superusers’ login (the admin UI at /_/)', () => {
  it('closes after ten wrong passwords, even for the right one, like a learner’s', async () => {
    // A superuser of its own, so the test suite's superuser stays open for every other test.
    const email = `vakt-${randomUUID().slice(0, 8)}@test.tettpa.no`;
    const password = 'en-superbruker-med-passord';
    await root.collection('_superusers').create({ email, password, passwordConfirm: password });
    for (let i = 0; i < 10; i++) expect((await authWithPassword('_superusers', email, `feil-${i}`)).status).toBe(400);
    const locked = await authWithPassword('_superusers', email, password);
    expect(locked.status).toBe(429);
    expect(locked.json.message).toMatch(/For mange mislykkede innlogginger/);
    expect(locked.json.token).toBeUndefined();
  });
});

describe('changing a password with the old one', () => {
  it('is guarded like a login, so a stolen session cannot guess the password', async () => {
    const user = await createUser(root, 'deltaker', barnehage);
    const change = (oldPassword: string) =>
      statusOf(user.pb.collection('users').update(user.id, { oldPassword, password: 'nytt-passord-456', passwordConfirm: 'nytt-passord-456' }));
    for (let i = 0; i < 10; i++) expect(await change(`feil-${i}`)).toBe(400);
    expect(await change(PASSWORD)).toBe(429);
    // Still the old password, and the login is closed too: it is the same guard.
    expect((await authWithPassword('users', user.email, PASSWORD)).status).toBe(429);
    const stored = await root.collection('users').getOne(user.id);
    expect(stored.email).toBe(user.email);
  });

  it('still works with the right old password, and says a wrong one in Norwegian', async () => {
    const user = await createUser(root, 'deltaker', barnehage);
    const wrong = await call(user.pb, 'PATCH', `/api/collections/users/records/${user.id}`, { oldPassword: 'feil', password: 'nytt-passord-456', passwordConfirm: 'nytt-passord-456' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.message).toMatch(/passordet stemmer ikke/);
    await user.pb.collection('users').update(user.id, { oldPassword: PASSWORD, password: 'nytt-passord-456', passwordConfirm: 'nytt-passord-456' });
    expect((await authWithPassword('users', user.email, 'nytt-passord-456')).status).toBe(200);
  });
});

describe('joining a cohort with a guessed code', () => {
  it('is refused after ten wrong codes in Norwegian (429), and a right code in between does not reset the count', async () => {
    const leader = await createUser(root, 'kursleder', barnehage);
    const own = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Gjettegruppen' });
    const guesser = await createUser(root, 'deltaker', barnehage);
    const join = (code: string) => call(guesser.pb, 'POST', '/api/tettpa/cohorts/join', { code });
    expect((await join(own.code)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await join(`ZZZZZ${i}`)).status).toBe(404);
    expect((await join(own.code)).status).toBe(200);
    for (let i = 5; i < 10; i++) expect((await join(`ZZZZZ${i}`)).status).toBe(404);
    const locked = await join(own.code);
    expect(locked.status).toBe(429);
    expect(locked.json.message).toMatch(/For mange feil koder/);
    // Only this participant: another one joins as before.
    const other = await createUser(root, 'deltaker', barnehage);
    expect((await call(other.pb, 'POST', '/api/tettpa/cohorts/join', { code: own.code })).status).toBe(200);
  });

  it('lets no more than ten wrong codes through when they come all at once', async () => {
    const guesser = await createUser(root, 'deltaker', barnehage);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(guesser.pb, 'POST', '/api/tettpa/cohorts/join', { code: `YYYY${String(i).padStart(2, '0')}` }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 404)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });
});

describe('the progress report as CSV', () => {
  it('neutralises cells that start with a tab or a carriage return, like = + - @', async () => {
    const styrer = await createUser(root, 'styrer', barnehage);
    await createUser(root, 'deltaker', barnehage, '\t=HYPERLINK("http://x.invalid","Tab")');
    await createUser(root, 'deltaker', barnehage, '\r=1+1 Retur');
    await createUser(root, 'deltaker', barnehage, '@SUM(1) Krøll');
    const res = await fetch(`${url}/api/tettpa/reports/progress.csv`, { headers: { Authorization: styrer.pb.authStore.token } });
    const text = await res.text();
    expect(text).toContain(`;"'\t=HYPERLINK(""http://x.invalid"",""Tab"")";`);
    expect(text).toContain(`;"'\r=1+1 Retur";`);
    expect(text).toContain(`;'@SUM(1) Krøll;`);
    // No cell of any row begins with a character that starts a formula.
    const cells = text.split(/;|\r\n/).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[\t\r=+\-@]/.test(c))).toEqual([]);
  });
});

describe('a kursleder deleting their account', () => {
  it('works while they lead a cohort; the cohort goes with them, the participants’ own learning stays', async () => {
    const leader = await createUser(root, 'kursleder', barnehage);
    const participant = await createUser(root, 'deltaker', barnehage);
    const vignette = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters: { 'positive-climate': 5 } });
    const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Gruppe som mister lederen' });
    expect((await call(participant.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
    const round = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: vignette.slug });
    expect(round.status).toBe(200);
    expect((await call(participant.pb, 'POST', `/api/tettpa/rounds/${round.json.id}/codes`, { scores: { 'positive-climate': 4 } })).status).toBe(200);
    await participant.pb.collection('progress').create({ user: participant.id, course: 'assistentkurs', lesson: 'dag-1-velkommen-og-tett-pa', status: 'completed' });

    const res = await call(leader.pb, 'POST', '/api/tettpa/me/delete', { password: PASSWORD });
    expect(res.status).toBe(204);
    expect(await statusOf(root.collection('users').getOne(leader.id))).toBe(404);
    expect(await statusOf(root.collection('cohorts').getOne(cohort.id))).toBe(404);
    expect(await statusOf(root.collection('cohort_rounds').getOne(round.json.id))).toBe(404);
    expect(await root.collection('cohort_members').getFullList({ filter: root.filter('user = {:u}', { u: participant.id }) })).toEqual([]);
    expect(await root.collection('round_codes').getFullList({ filter: root.filter('user = {:u}', { u: participant.id }) })).toEqual([]);
    expect(await participant.pb.collection('progress').getFullList()).toEqual([expect.objectContaining({ lesson: 'dag-1-velkommen-og-tett-pa', status: 'completed' })]);
    // Nothing of it became visible to a visitor who is not logged in.
    const anonymous = new PocketBase(url);
    for (const collection of ['cohorts', 'cohort_members', 'cohort_rounds', 'progress', 'users']) {
      expect(await anonymous.collection(collection).getFullList(), collection).toEqual([]);
    }
  });
});

describe('a visitor who is not logged in', () => {
  it('sees no person, cohort or progress, also of people in no cohort and cohorts with no members', async () => {
    const leader = await createUser(root, 'kursleder', barnehage);
    await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Gruppe uten deltakere' });
    const loner = await createUser(root, 'deltaker', barnehage);
    await loner.pb.collection('progress').create({ user: loner.id, course: 'assistentkurs', lesson: 'dag-2-sprak-og-samtaler', status: 'incomplete' });
    const anonymous = new PocketBase(url);
    for (const collection of ['users', 'progress', 'cohorts', 'cohort_members', 'cohort_rounds', 'round_codes', 'reflections', 'attempts', 'reliability_checks']) {
      expect(await anonymous.collection(collection).getFullList(), collection).toEqual([]);
    }
    expect(await statusOf(anonymous.collection('users').getOne(loner.id))).toBe(404);
  });
});

describe('loose input', () => {
  let leader: TestUser;
  let cohortId: string;

  beforeAll(async () => {
    leader = await createUser(root, 'kursleder', barnehage);
    cohortId = (await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Gruppe for løse data' })).id;
  });

  it.each([
    ['an array', ['a', 'b']],
    ['null', null],
    ['an object', { slug: 'x' }],
    ['a number', 7],
    ['an empty text', ' '],
  ])('refuses %s as the vignette of a round with a Norwegian 400, and opens nothing', async (_, vignette) => {
    const res = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohortId}/rounds`, { vignette });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/vignett/);
    expect(await leader.pb.collection('cohort_rounds').getFullList({ filter: leader.pb.filter('cohort = {:c}', { c: cohortId }) })).toEqual([]);
  });

  it.each([
    ['an array', '[{"code":"ABC"}]'],
    ['a string', '"ABC"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('tells a valid JSON body that is %s that it must be an object', async (_, body) => {
    const res = await call(leader.pb, 'POST', '/api/tettpa/cohorts/join', body);
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('Forespørselen må være et JSON-objekt.');
  });

  it('tells a body that is not JSON at all so', async () => {
    const res = await call(leader.pb, 'POST', '/api/tettpa/cohorts/join', '{"code": ');
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('Forespørselen må være gyldig JSON.');
  });
});
