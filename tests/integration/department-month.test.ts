// The department's month (issue 12), proved from outside through the API: a praksisfortelling is
// read by its author and the department's leaders only; bad input is refused in Norwegian and
// nothing is stored; leaders, the styrer and admin see counts, never text.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');
let root: PocketBase;
let styrer: TestUser;
let otherStyrer: TestUser;
let admin: TestUser;
let leader: TestUser;
let writer: TestUser;
let colleague: TestUser;
let otherLeader: TestUser;
let avdeling: string;
let otherAvdeling: string;
let storyId: string;
let styrerBarnehage: string;

const thisMonth = new Date().toISOString().slice(0, 7);
const story = (over: Record<string, unknown> = {}) => ({
  author: writer.id,
  avdeling,
  month: thisMonth,
  dimension: 'teacher-sensitivity',
  text: 'Jeg satte meg ned på gulvet da hun gråt, og ventet til hun så på meg.',
  ...over,
});

/** What the SDK error says, for checking the Norwegian message. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number | 'ok'; message: string }> {
  try {
    await promise;
    return { status: 'ok', message: '' };
  } catch (error) {
    const e = error as { status: number; response?: { message?: string } };
    return { status: e.status, message: e.response?.message ?? '' };
  }
}

async function storiesOf(user: TestUser): Promise<number> {
  return (await root.collection('praksisfortellinger').getFullList({ filter: root.filter('author = {:u}', { u: user.id }) })).length;
}

beforeAll(async () => {
  root = await superuser(url);
  const barnehage = await createBarnehage(root);
  const other = await createBarnehage(root);
  styrerBarnehage = barnehage.id;
  styrer = await createUser(root, 'styrer', barnehage.id, 'Siri Styrer');
  otherStyrer = await createUser(root, 'styrer', other.id);
  admin = await createUser(root, 'admin', barnehage.id);
  leader = await createUser(root, 'deltaker', barnehage.id, 'Per Pedleder');
  writer = await createUser(root, 'deltaker', barnehage.id, 'Vera Skriver');
  colleague = await createUser(root, 'deltaker', barnehage.id, 'Kai Kollega');
  otherLeader = await createUser(root, 'deltaker', barnehage.id, 'Ola Annenleder');

  // The styrer sets up the departments and who belongs where, through the API.
  avdeling = (await styrer.pb.collection('avdelinger').create({ barnehage: barnehage.id, name: 'Marihøna', ageGroup: 'toddler', leaders: [leader.id] })).id;
  otherAvdeling = (await styrer.pb.collection('avdelinger').create({ barnehage: barnehage.id, name: 'Bjørnehiet', ageGroup: 'pre-k', leaders: [otherLeader.id] })).id;
  for (const [user, a] of [
    [leader, avdeling],
    [writer, avdeling],
    [colleague, avdeling],
    [otherLeader, otherAvdeling],
  ] as const) {
    const res = await call(styrer.pb, 'PUT', `/api/tettpa/users/${user.id}/avdeling`, { avdeling: a });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    await user.pb.collection('users').authRefresh();
  }
  storyId = (await writer.pb.collection('praksisfortellinger').create(story())).id;
});

describe('who reads a praksisfortelling', () => {
  it('the author and the department’s leader read it', async () => {
    expect((await writer.pb.collection('praksisfortellinger').getOne(storyId)).text).toContain('gulvet');
    expect((await leader.pb.collection('praksisfortellinger').getOne(storyId)).text).toContain('gulvet');
    expect(await leader.pb.collection('praksisfortellinger').getFullList()).toHaveLength(1);
  });

  it('a colleague, the styrer, admin and another department’s leader each try to read it and fail', async () => {
    for (const other of [colleague, styrer, admin, otherLeader]) {
      expect(await statusOf(other.pb.collection('praksisfortellinger').getOne(storyId)), other.name).toBe(404);
      expect(await other.pb.collection('praksisfortellinger').getFullList(), other.name).toHaveLength(0);
      expect(await statusOf(other.pb.collection('praksisfortellinger').update(storyId, { text: 'Overskrevet.' })), other.name).toBe(404);
      expect(await statusOf(other.pb.collection('praksisfortellinger').delete(storyId)), other.name).toBe(404);
    }
    expect((await root.collection('praksisfortellinger').getOne(storyId)).text).toContain('gulvet');
  });
});

describe('bad input is refused in Norwegian and nothing is stored', () => {
  const cases: [string, () => Record<string, unknown>, number, RegExp][] = [
    ['an empty story', () => story({ text: '   ' }), 400, /tom/],
    ['a story over 2,000 characters', () => story({ text: 'Jeg '.repeat(501) }), 400, /høyst 2000 tegn/],
    ['a story for another department', () => story({ avdeling: otherAvdeling }), 403, /egen avdeling/],
    ['a dimension of the other age group', () => story({ dimension: 'productivity' }), 400, /ikke en dimensjon for småbarn/],
    ['a dimension that does not exist', () => story({ dimension: 'kos' }), 400, /ikke en dimensjon/],
    ['a month in the wrong format', () => story({ month: '11-2026' }), 400, /ÅÅÅÅ-MM/],
    ['month 13', () => story({ month: '2026-13' }), 400, /ÅÅÅÅ-MM/],
    ['a story in a colleague’s name', () => story({ author: colleague.id }), 403, /ditt eget navn/],
  ];
  for (const [what, body, status, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await storiesOf(writer);
      const beforeColleague = await storiesOf(colleague);
      const result = await refusal(writer.pb.collection('praksisfortellinger').create(body()));
      expect(result.status).toBe(status);
      expect(result.message).toMatch(message);
      expect(await storiesOf(writer)).toBe(before);
      expect(await storiesOf(colleague)).toBe(beforeColleague);
    });
  }

  it('a member cannot move themself to another department', async () => {
    expect(await statusOf(writer.pb.collection('users').update(writer.id, { avdeling: otherAvdeling }))).not.toBe('ok');
    expect((await root.collection('users').getOne(writer.id)).avdeling).toBe(avdeling);
  });

  it('another kindergarten’s styrer cannot place a person in a department', async () => {
    const res = await call(otherStyrer.pb, 'PUT', `/api/tettpa/users/${writer.id}/avdeling`, { avdeling: '' });
    expect(res.status).toBe(403);
    expect(res.json.message).toMatch(/styreren i barnehagen/);
    expect((await root.collection('users').getOne(writer.id)).avdeling).toBe(avdeling);
  });

  it('only the leader plans the month, and only with a dimension of the department’s age group', async () => {
    const byColleague = await refusal(colleague.pb.collection('avdeling_months').create({ avdeling, month: '2030-01' }));
    expect(byColleague.status).toBe(403);
    expect(byColleague.message).toMatch(/pedagogiske leder/);
    const wrong = await refusal(leader.pb.collection('avdeling_months').create({ avdeling, month: '2030-01', dimension: 'concept-development' }));
    expect(wrong.status).toBe(400);
    expect(wrong.message).toMatch(/småbarn/);
    expect(await root.collection('avdeling_months').getFullList({ filter: root.filter('avdeling = {:a}', { a: avdeling }) })).toHaveLength(0);
  });
});

describe('editing until the meeting starts, deleting at any time', () => {
  it('the author edits before the meeting, not after it has begun, and may still delete', async () => {
    const month = '2031-03';
    const own = await writer.pb.collection('praksisfortellinger').create(story({ month }));
    const planned = await leader.pb.collection('avdeling_months').create({ avdeling, month, meetingDate: '2031-03-12 12:00:00.000Z' });
    expect((await writer.pb.collection('praksisfortellinger').update(own.id, { text: 'Jeg skrev det om.' })).text).toBe('Jeg skrev det om.');

    await leader.pb.collection('avdeling_months').update(planned.id, { meetingDate: new Date(Date.now() - 60_000).toISOString() });
    const late = await refusal(writer.pb.collection('praksisfortellinger').update(own.id, { text: 'For sent.' }));
    expect(late.status).toBe(403);
    expect(late.message).toMatch(/Møtet har begynt/);
    expect((await root.collection('praksisfortellinger').getOne(own.id)).text).toBe('Jeg skrev det om.');
    const newOne = await refusal(colleague.pb.collection('praksisfortellinger').create(story({ author: colleague.id, month })));
    expect(newOne.status).toBe(403);

    await writer.pb.collection('praksisfortellinger').delete(own.id);
    expect(await statusOf(root.collection('praksisfortellinger').getOne(own.id))).toBe(404);
  });
});

describe('GET /api/tettpa/avdelinger/{id}/months/{month}', () => {
  it('gives the leader, the styrer and admin the counts and no text', async () => {
    for (const who of [leader, styrer, admin]) {
      const res = await call(who.pb, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/${thisMonth}`);
      expect(res.status, who.name).toBe(200);
      expect(res.json).toMatchObject({ members: 2, submitted: 1, agreed: null });
      expect(Object.keys(res.json).sort()).toEqual(['agreed', 'dimension', 'meetingDate', 'members', 'submitted']);
      expect(JSON.stringify(res.json)).not.toContain('gulvet');
    }
  });

  it('follows the årshjul for the age group, and the leader’s choice over it', async () => {
    const november = await call(leader.pb, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/2030-11`);
    expect(november.json.dimension).toBe('behavior-guidance');
    const december = await call(leader.pb, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/2030-12`);
    expect(december.json.dimension).toBeNull();
    await leader.pb.collection('avdeling_months').create({ avdeling, month: '2030-12', dimension: 'positive-climate', agreed: 'Vi setter oss ned ved påkledning.' });
    const chosen = await call(styrer.pb, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/2030-12`);
    expect(chosen.json).toMatchObject({ dimension: 'positive-climate', agreed: 'Vi setter oss ned ved påkledning.' });
  });

  it('refuses members, another department’s leader and another kindergarten’s styrer', async () => {
    for (const who of [writer, otherLeader, otherStyrer]) {
      const res = await call(who.pb, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/${thisMonth}`);
      expect(res.status, who.name).toBe(403);
      expect(res.json.message).toMatch(/pedagogiske leder/);
    }
    expect((await call(null, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/${thisMonth}`, undefined, url)).status).toBe(401);
  });

  it('answers a month in the wrong format with 400', async () => {
    const res = await call(leader.pb, 'GET', `/api/tettpa/avdelinger/${avdeling}/months/2026-1`);
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/ÅÅÅÅ-MM/);
  });

  it('the styrer’s report has counts per department, never a story', async () => {
    const res = await call(styrer.pb, 'GET', `/api/tettpa/reports/avdelinger?month=${thisMonth}`);
    expect(res.status).toBe(200);
    expect(res.json.avdelinger.find((a: { id: string }) => a.id === avdeling)).toMatchObject({ name: 'Marihøna', members: 2, submitted: 1 });
    expect(JSON.stringify(res.json)).not.toContain('gulvet');
    expect((await call(writer.pb, 'GET', `/api/tettpa/reports/avdelinger?month=${thisMonth}`)).status).toBe(403);
  });
});

describe('admin’s numbers', () => {
  it('per kindergarten and pulje, counts only', async () => {
    const res = await call(admin.pb, 'GET', `/api/tettpa/reports/avdelinger?month=${thisMonth}`);
    expect(res.status).toBe(200);
    const mine = res.json.barnehager.find((b: { id: string }) => b.id === styrerBarnehage);
    expect(mine).toMatchObject({ avdelinger: 2, members: 2, submitted: 1, pulje: 2 });
    expect(res.json.puljer.find((p: { pulje: number }) => p.pulje === 2).submitted).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(res.json)).not.toContain('gulvet');
  });
});

describe('retention', () => {
  it('deletes a story twelve months after its month, not before', async () => {
    const old = await writer.pb.collection('praksisfortellinger').create(story({ month: '2020-01' }));
    const keep = await call(root, 'POST', '/api/tettpa/jobs/retention', { date: '2021-01-31' });
    expect(keep.status).toBe(200);
    expect(await statusOf(root.collection('praksisfortellinger').getOne(old.id))).toBe('ok');
    await call(root, 'POST', '/api/tettpa/jobs/retention', { date: '2021-02-01' });
    expect(await statusOf(root.collection('praksisfortellinger').getOne(old.id))).toBe(404);
    expect(await statusOf(root.collection('praksisfortellinger').getOne(storyId))).toBe('ok');
  });

  it('runs only for superusers', async () => {
    expect((await call(admin.pb, 'POST', '/api/tettpa/jobs/retention', { date: '2099-01-01' })).status).toBe(403);
    expect(await statusOf(root.collection('praksisfortellinger').getOne(storyId))).toBe('ok');
  });
});

describe('the writer’s own data', () => {
  it('the export holds the writer’s stories, and the colleague’s export does not', async () => {
    const mine = await call(writer.pb, 'GET', '/api/tettpa/me/export');
    expect(mine.json.praksisfortellinger.map((s: { text: string }) => s.text)).toContain(story().text);
    const theirs = await call(colleague.pb, 'GET', '/api/tettpa/me/export');
    expect(theirs.json.praksisfortellinger).toEqual([]);
  });
});
