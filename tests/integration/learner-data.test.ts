// The learner's own data: export everything, delete everything; and the leaders' reports.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, PASSWORD, type TestUser } from '../support/accounts';
import { createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');

describe('export of my data', () => {
  it('holds my profile, progress, reflections and attempts, and nobody else’s', async () => {
    const root = await superuser(url);
    const barnehage = await createBarnehage(root);
    const me = await createUser(root, 'deltaker', barnehage.id, 'Eksport Eva');
    const other = await createUser(root, 'deltaker', barnehage.id, 'Annen Anders');
    await me.pb.collection('progress').create({ user: me.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed', score: 80 });
    await other.pb.collection('progress').create({ user: other.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'incomplete' });
    await me.pb.collection('reflections').create({ user: me.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', prompt: 'p', text: 'Æ, ø og å er med.' });
    const v = await createVignette(root, { ageGroup: 'pre-k', kind: 'short', masters: { productivity: 3 } });
    await call(me.pb, 'POST', '/api/tettpa/attempts', { vignette: v.slug, scores: { productivity: 4 } });

    const { status, json } = await call(me.pb, 'GET', '/api/tettpa/me/export');
    expect(status).toBe(200);
    expect(json.user).toMatchObject({ id: me.id, name: 'Eksport Eva', role: 'deltaker', barnehage: { id: barnehage.id } });
    expect(json.user.password).toBeUndefined();
    expect(json.progress).toEqual([expect.objectContaining({ course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed', score: 80 })]);
    expect(json.reflections[0].text).toBe('Æ, ø og å er med.');
    expect(json.attempts[0]).toMatchObject({ vignette: v.slug, scores: { productivity: 4 }, withinOne: 1 });
    expect(JSON.stringify(json)).not.toContain('Annen Anders');
    expect((await call(null, 'GET', '/api/tettpa/me/export', undefined, url)).status).toBe(401);
  });
});

describe('deleting my account', () => {
  it('needs my password, then removes the account with everything in it', async () => {
    const root = await superuser(url);
    const me = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
    await me.pb.collection('progress').create({ user: me.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
    await me.pb.collection('reflections').create({ user: me.id, course: 'nyansatt', lesson: 'slett-meg', prompt: 'p', text: 'borte' });

    const wrong = await call(me.pb, 'POST', '/api/tettpa/me/delete', { password: 'feil-passord' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.message).toMatch(/Passordet stemmer ikke/);
    expect((await root.collection('users').getOne(me.id)).id).toBe(me.id);

    const ok = await call(me.pb, 'POST', '/api/tettpa/me/delete', { password: PASSWORD });
    expect(ok.status).toBe(204);
    expect(await statusOf(root.collection('users').getOne(me.id))).toBe(404);
    expect(await root.collection('progress').getFullList({ filter: root.filter('user = {:u}', { u: me.id }) })).toHaveLength(0);
    expect(await root.collection('reflections').getFullList({ filter: root.filter('user = {:u}', { u: me.id }) })).toHaveLength(0);
    await expect(new PocketBase(url).collection('users').authWithPassword(me.email, PASSWORD)).rejects.toMatchObject({ status: 400 });
  });
});

describe('progress reports for leaders', () => {
  let styrerA: TestUser;
  let styrerB: TestUser;
  let admin: TestUser;
  let learnerA: TestUser;
  let barnehageA: { id: string };

  beforeAll(async () => {
    const root = await superuser(url);
    barnehageA = await root.collection('barnehager').create({ name: `Rapportbarnehagen Ærfugl ${Date.now()}`, pulje: 4, eierform: 'privat' });
    const barnehageB = await createBarnehage(root);
    styrerA = await createUser(root, 'styrer', barnehageA.id, 'Styrer Åse');
    styrerB = await createUser(root, 'styrer', barnehageB.id, 'Styrer Bjørn');
    admin = await createUser(root, 'admin', barnehageB.id);
    learnerA = await createUser(root, 'deltaker', barnehageA.id, 'Øystein Ærlig');
    await createUser(root, 'deltaker', barnehageB.id, 'Bare I B');
    await learnerA.pb.collection('progress').create({ user: learnerA.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
  });

  async function csv(pb: PocketBase, query = '') {
    const res = await fetch(`${url}/api/tettpa/reports/progress.csv${query}`, { headers: { Authorization: pb.authStore.token } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  it('gives a styrer a CSV of their own kindergarten that a spreadsheet reads as UTF-8', async () => {
    const res = await csv(styrerA.pb);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/csv');
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(res.bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Barnehage;Pulje;Navn;E-post;Stilling;Kurs;Fullførte leksjoner;Leksjoner i kurset;Status;Sist aktiv');
    const row = lines.find((l) => l.includes('Øystein Ærlig') && l.includes('Nyansatt'));
    expect(row).toBeDefined();
    expect(row).toMatch(/^Rapportbarnehagen Ærfugl \d+;4;Øystein Ærlig;/);
    expect(row).toMatch(/;1;\d+;(Fullført|Påbegynt);\d{4}-\d{2}-\d{2}$/);
    expect(text).not.toContain('Bare I B');
  });

  it('refuses a styrer another kindergarten, and learners any report', async () => {
    expect((await csv(styrerB.pb, `?barnehage=${barnehageA.id}`)).status).toBe(403);
    expect((await csv(learnerA.pb)).status).toBe(403);
    const anon = await fetch(`${url}/api/tettpa/reports/progress.csv`);
    expect(anon.status).toBe(401);
  });

  it('gives admin everyone, narrowed by ?barnehage', async () => {
    const all = new TextDecoder().decode((await csv(admin.pb)).bytes);
    expect(all).toContain('Øystein Ærlig');
    expect(all).toContain('Bare I B');
    const narrowed = new TextDecoder().decode((await csv(admin.pb, `?barnehage=${barnehageA.id}`)).bytes);
    expect(narrowed).toContain('Øystein Ærlig');
    expect(narrowed).not.toContain('Bare I B');
  });

  it('gives admin completion per kindergarten and per pulje, and nobody else', async () => {
    const { status, json } = await call(admin.pb, 'GET', '/api/tettpa/reports/completion');
    expect(status).toBe(200);
    const a = json.barnehager.find((b: { id: string }) => b.id === barnehageA.id);
    expect(a).toMatchObject({ pulje: 4, staff: 2 });
    expect(json.puljer.find((p: { pulje: number }) => p.pulje === 4).staff).toBeGreaterThanOrEqual(2);
    expect((await call(styrerA.pb, 'GET', '/api/tettpa/reports/completion')).status).toBe(403);
  });
});
