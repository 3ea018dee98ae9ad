// What the national scale changed (pb_migrations/1734000000_progress_at_national_scale.js,
// server/progress_scale.go): each progress row carries its learner's kindergarten, which the styrer's
// list rule reads, so it must be right whatever the learner sends and follow a learner who moves;
// the per person and course totals behind the leaders' reports follow every change.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');
let root: PocketBase;
let here: string;
let there: string;
let styrerHere: TestUser;
let styrerThere: TestUser;
let learners: TestUser[];
let elsewhere: TestUser;

beforeAll(async () => {
  root = await superuser(url);
  here = (await createBarnehage(root)).id;
  there = (await createBarnehage(root)).id;
  styrerHere = await createUser(root, 'styrer', here);
  styrerThere = await createUser(root, 'styrer', there);
  learners = [await createUser(root, 'deltaker', here), await createUser(root, 'deltaker', here)];
  elsewhere = await createUser(root, 'deltaker', there);
  for (const l of [...learners, elsewhere]) {
    await l.pb.collection('progress').create({ user: l.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
    await l.pb.collection('progress').create({ user: l.id, course: 'nyansatt', lesson: 'hvorfor-prosesskvalitet', status: 'incomplete' });
  }
}, 60_000);

const usersIn = (rows: { [key: string]: unknown }[]) => [...new Set(rows.map((r) => String(r.user)))].sort();

describe('a styrer’s list of progress', () => {
  it('without a filter holds exactly the rows of their own kindergarten', async () => {
    const rows = await styrerHere.pb.collection('progress').getFullList();
    expect(usersIn(rows)).toEqual(learners.map((l) => l.id).sort());
    expect(rows).toHaveLength(4);
    expect(usersIn(await styrerThere.pb.collection('progress').getFullList())).toEqual([elsewhere.id]);
  });

  it('with a filter that names another kindergarten finds nothing there', async () => {
    const rows = await styrerHere.pb.collection('progress').getFullList({ filter: root.filter('barnehage = {:b} || user = {:u}', { b: there, u: elsewhere.id }) });
    expect(rows).toHaveLength(0);
  });

  it('is not a learner’s: a learner lists their own rows only', async () => {
    expect(usersIn(await learners[0]!.pb.collection('progress').getFullList())).toEqual([learners[0]!.id]);
  });
});

describe('the kindergarten on a progress row', () => {
  it('is the learner’s own, whatever the learner sends on create and update', async () => {
    const l = learners[1]!;
    const row = await l.pb.collection('progress').create({ user: l.id, course: 'nyansatt', lesson: 'class-i-korte-trekk', status: 'incomplete', barnehage: there });
    expect(row.barnehage).toBe(here);
    const updated = await l.pb.collection('progress').update(row.id, { status: 'completed', barnehage: there });
    expect(updated.barnehage).toBe(here);
    // The styrer of the kindergarten it claimed never sees it; the learner's own styrer does.
    expect(await statusOf(styrerThere.pb.collection('progress').getOne(row.id))).toBe(404);
    expect((await styrerHere.pb.collection('progress').getOne(row.id)).id).toBe(row.id);
    await root.collection('progress').delete(row.id);
  });

  it('follows a learner who moves to another kindergarten, and the styrers’ lists with it', async () => {
    const mover = await createUser(root, 'deltaker', here);
    await mover.pb.collection('progress').create({ user: mover.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
    expect(usersIn(await styrerHere.pb.collection('progress').getFullList())).toContain(mover.id);
    await root.collection('users').update(mover.id, { barnehage: there });
    expect(usersIn(await styrerHere.pb.collection('progress').getFullList())).not.toContain(mover.id);
    expect(usersIn(await styrerThere.pb.collection('progress').getFullList())).toContain(mover.id);
    const staff = (await call(styrerThere.pb, 'GET', '/api/tettpa/reports/staff')).json;
    expect(staff.staff.find((s: { id: string }) => s.id === mover.id).courses.nyansatt.done).toBe(1);
  });
});

describe('the totals behind the leaders’ reports', () => {
  const doneFor = async (styrer: TestUser, id: string) => (await call(styrer.pb, 'GET', '/api/tettpa/reports/staff')).json.staff.find((s: { id: string }) => s.id === id).courses.nyansatt;

  it('follow a lesson finished, and a row removed', async () => {
    const l = await createUser(root, 'deltaker', here);
    const row = await l.pb.collection('progress').create({ user: l.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'incomplete' });
    expect(await doneFor(styrerHere, l.id)).toMatchObject({ done: 0, status: 'Påbegynt' });
    await l.pb.collection('progress').update(row.id, { status: 'completed' });
    expect(await doneFor(styrerHere, l.id)).toMatchObject({ done: 1, status: 'Påbegynt' });
    await root.collection('progress').delete(row.id);
    expect(await doneFor(styrerHere, l.id)).toMatchObject({ done: 0, status: 'Ikke startet' });
  });

  it('count in the admin’s completion report per kindergarten', async () => {
    const admin = await createUser(root, 'admin', here);
    const report = (await call(admin.pb, 'GET', '/api/tettpa/reports/completion')).json;
    const mine = report.barnehager.find((b: { id: string }) => b.id === there);
    expect(mine.started.nyansatt).toBeGreaterThanOrEqual(1);
    expect(mine.staff).toBeGreaterThanOrEqual(2);
  });

  it('are closed to the collection API', async () => {
    const l = learners[0]!;
    expect(await statusOf(l.pb.collection('progress_totals').getList(1, 1))).toBe(403);
    expect(await statusOf(styrerHere.pb.collection('progress_totals').getList(1, 1))).toBe(403);
  });
});

// The users list rule answered from indexes (pb_migrations/1734100000): each branch must still let
// in exactly whom it did, and no one more.
describe('a list of users', () => {
  it('shows a learner themself, and the colleagues of their own department only', async () => {
    const avdeling = (await root.collection('avdelinger').create({ barnehage: here, name: `Avd ${Date.now()}`, ageGroup: 'pre-k', leaders: [] })).id;
    const [a, b] = learners as [TestUser, TestUser];
    await root.collection('users').update(a.id, { avdeling });
    await root.collection('users').update(b.id, { avdeling });
    const ids = async (u: TestUser) => (await u.pb.collection('users').getFullList({ fields: 'id' })).map((r) => r.id).sort();
    expect(await ids(a)).toEqual([a.id, b.id].sort());
    // Without a department, nobody is a colleague: not everyone else without one.
    expect(await ids(elsewhere)).toEqual([elsewhere.id]);
    await root.collection('users').update(b.id, { avdeling: '' });
    expect(await ids(a)).toEqual([a.id]);
    expect(await ids(b)).toEqual([b.id]);
  });

  it('shows a styrer their own kindergarten, whatever the filter asks for', async () => {
    const mine = (await styrerHere.pb.collection('users').getFullList({ fields: 'id,barnehage' }));
    expect(new Set(mine.map((u) => u.barnehage))).toEqual(new Set([here]));
    expect(mine.map((u) => u.id)).toEqual(expect.arrayContaining([styrerHere.id, ...learners.map((l) => l.id)]));
    expect(await styrerHere.pb.collection('users').getFullList({ filter: `barnehage = "${there}"` })).toEqual([]);
  });
});

// server/progress_admin_list.go: the whole country's count would read every row.
describe('an admin’s list of progress', () => {
  it('holds everyone’s rows but is not counted, while a learner’s list is', async () => {
    const admin = await createUser(root, 'admin', here);
    const page = await admin.pb.collection('progress').getList(1, 500);
    expect(page.items.map((r) => String(r.user))).toEqual(expect.arrayContaining([...learners, elsewhere].map((l) => l.id)));
    expect(page.totalItems).toBe(-1);
    const own = await learners[0]!.pb.collection('progress').getList(1, 30);
    expect(own.totalItems).toBe(2);
  });
});
