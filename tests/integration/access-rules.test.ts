// The access-rule matrix of the design, tried from outside through the API: a learner reads and
// writes only their own progress, a styrer reads their own kindergarten's, admin reads all.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';

const url = inject('pocketbaseUrl');
let learner: TestUser;
let otherLearner: TestUser;
let styrerSame: TestUser;
let styrerOther: TestUser;
let admin: TestUser;
let anonymous: PocketBase;
let learnerProgressId: string;

const lessonState = (lesson: string) => ({
  course: 'nyansatt',
  lesson,
  status: 'incomplete',
  score: 0,
  location: '',
  suspend_data: '',
  time_seconds: 12,
});

beforeAll(async () => {
  const root = await superuser(url);
  const barnehageA = await createBarnehage(root);
  const barnehageB = await createBarnehage(root);
  learner = await createUser(root, 'deltaker', barnehageA.id, 'Lise Lærevillig');
  otherLearner = await createUser(root, 'deltaker', barnehageA.id, 'Ola Annen');
  styrerSame = await createUser(root, 'styrer', barnehageA.id);
  styrerOther = await createUser(root, 'styrer', barnehageB.id);
  admin = await createUser(root, 'admin', barnehageB.id);
  anonymous = new PocketBase(url);
  const created = await learner.pb.collection('progress').create({ ...lessonState('hva-er-tett-pa'), user: learner.id });
  learnerProgressId = created.id;
});

describe('progress: a learner', () => {
  it('reads and updates their own progress', async () => {
    const own = await learner.pb.collection('progress').getOne(learnerProgressId);
    expect(own.user).toBe(learner.id);
    const updated = await learner.pb.collection('progress').update(learnerProgressId, { status: 'completed' });
    expect(updated.status).toBe('completed');
  });

  it('cannot list, view or update another learner’s progress', async () => {
    const list = await otherLearner.pb.collection('progress').getFullList();
    expect(list.map((r) => r.id)).not.toContain(learnerProgressId);
    expect(await statusOf(otherLearner.pb.collection('progress').getOne(learnerProgressId))).toBe(404);
    expect(await statusOf(otherLearner.pb.collection('progress').update(learnerProgressId, { status: 'failed' }))).toBe(404);
  });

  it('cannot create progress in another learner’s name', async () => {
    const status = await statusOf(otherLearner.pb.collection('progress').create({ ...lessonState('praksisfortellinger'), user: learner.id }));
    expect(status).toBe(400);
    const root = await superuser(url);
    const forged = await root.collection('progress').getFullList({ filter: root.filter('user = {:u} && lesson = "praksisfortellinger"', { u: learner.id }) });
    expect(forged).toHaveLength(0);
  });

  it('cannot move their own progress to another user', async () => {
    expect(await statusOf(learner.pb.collection('progress').update(learnerProgressId, { user: otherLearner.id }))).toBe(404);
    const root = await superuser(url);
    expect((await root.collection('progress').getOne(learnerProgressId)).user).toBe(learner.id);
  });

  it('cannot delete progress, not even their own', async () => {
    expect(await statusOf(learner.pb.collection('progress').delete(learnerProgressId))).toBe(403);
  });

  it('gets one row per lesson: a second create of the same lesson is refused', async () => {
    const state = lessonState('roller-i-tett-pa');
    await learner.pb.collection('progress').create({ ...state, user: learner.id });
    expect(await statusOf(learner.pb.collection('progress').create({ ...state, user: learner.id }))).toBe(400);
  });

  it('cannot store an unknown status or a score outside 0–100', async () => {
    expect(await statusOf(learner.pb.collection('progress').update(learnerProgressId, { status: 'ferdig' }))).toBe(400);
    expect(await statusOf(learner.pb.collection('progress').update(learnerProgressId, { score: 101 }))).toBe(400);
  });
});

describe('progress: others', () => {
  it('anonymous visitors see nothing and create nothing', async () => {
    expect(await anonymous.collection('progress').getFullList()).toHaveLength(0);
    expect(await statusOf(anonymous.collection('progress').getOne(learnerProgressId))).toBe(404);
    expect(await statusOf(anonymous.collection('progress').create({ ...lessonState('reflekterende-team'), user: learner.id }))).toBe(400);
  });

  it('a styrer reads the progress of their own kindergarten but cannot change it', async () => {
    const rows = await styrerSame.pb.collection('progress').getFullList();
    expect(rows.map((r) => r.id)).toContain(learnerProgressId);
    expect(await statusOf(styrerSame.pb.collection('progress').update(learnerProgressId, { status: 'failed' }))).toBe(404);
  });

  it('a styrer of another kindergarten sees none of it', async () => {
    const rows = await styrerOther.pb.collection('progress').getFullList();
    expect(rows.map((r) => r.id)).not.toContain(learnerProgressId);
    expect(await statusOf(styrerOther.pb.collection('progress').getOne(learnerProgressId))).toBe(404);
  });

  it('admin reads everyone’s progress', async () => {
    const row = await admin.pb.collection('progress').getOne(learnerProgressId);
    expect(row.user).toBe(learner.id);
  });
});

describe('users', () => {
  it('a learner sees only themself in the user list', async () => {
    const users = await learner.pb.collection('users').getFullList();
    expect(users.map((u) => u.id)).toEqual([learner.id]);
  });

  it('a learner may change their name but cannot make themself admin or styrer', async () => {
    const renamed = await learner.pb.collection('users').update(learner.id, { name: 'Lise L.' });
    expect(renamed.name).toBe('Lise L.');
    expect(await statusOf(learner.pb.collection('users').update(learner.id, { role: 'admin' }))).toBe(404);
    expect(await statusOf(learner.pb.collection('users').update(learner.id, { role: 'styrer' }))).toBe(404);
    const root = await superuser(url);
    expect((await root.collection('users').getOne(learner.id)).role).toBe('deltaker');
  });

  it('a learner cannot move themself to another kindergarten or create accounts', async () => {
    const other = await (await superuser(url)).collection('barnehager').create({ name: `Flytt ${Date.now()}`, pulje: 3, eierform: 'privat' });
    expect(await statusOf(learner.pb.collection('users').update(learner.id, { barnehage: other.id }))).toBe(404);
    const attempt = learner.pb.collection('users').create({
      email: `ny-${Date.now()}@test.tettpa.no`,
      password: 'passord-12345',
      passwordConfirm: 'passord-12345',
      role: 'admin',
    });
    expect(await statusOf(attempt)).toBe(400);
  });

  it('nobody signs themself up: anonymous account creation is refused', async () => {
    const attempt = anonymous.collection('users').create({
      email: `selv-${Date.now()}@test.tettpa.no`,
      password: 'passord-12345',
      passwordConfirm: 'passord-12345',
      role: 'deltaker',
    });
    expect(await statusOf(attempt)).toBe(400);
  });

  it('a styrer sees the staff of their own kindergarten only', async () => {
    const ids = (await styrerSame.pb.collection('users').getFullList()).map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([learner.id, otherLearner.id, styrerSame.id]));
    expect(ids).not.toContain(styrerOther.id);
    const otherIds = (await styrerOther.pb.collection('users').getFullList()).map((u) => u.id);
    expect(otherIds).not.toContain(learner.id);
  });
});
