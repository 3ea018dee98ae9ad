// Cohorts and live group coding: capacity, who sees what, and a whole round with 25 participants
// connected through the JS SDK's realtime subscriptions.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { listen } from '../support/realtime';

// The SDK's realtime client needs EventSource, which Node does not have.
(globalThis as { EventSource?: unknown }).EventSource = EventSource;

const url = inject('pocketbaseUrl');
let leader: TestUser;
let otherLeader: TestUser;
let participants: TestUser[];
let outsider: TestUser;
let cohort: { id: string; code: string };
let vignette: { slug: string };
const masters = { 'positive-climate': 6, 'language-modeling': 3 };

async function makeCohort(owner: TestUser, capacity?: number) {
  return owner.pb.collection('cohorts').create({ leader: owner.id, name: `Kurs ${Date.now()}`, place: 'Bekkestua', day1: `${new Date().getFullYear() + 1}-12-01 08:00:00Z`, day2: `${new Date().getFullYear() + 1}-12-08 08:00:00Z`, ...(capacity ? { capacity } : {}) });
}

beforeAll(async () => {
  const root = await superuser(url);
  const barnehage = await createBarnehage(root);
  leader = await createUser(root, 'kursleder', barnehage.id, 'Kari Kursleder');
  otherLeader = await createUser(root, 'kursleder', barnehage.id);
  participants = [];
  for (let i = 0; i < 26; i++) participants.push(await createUser(root, 'deltaker', barnehage.id, `Deltaker ${i + 1}`));
  outsider = await createUser(root, 'deltaker', barnehage.id);
  vignette = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters });
  const created = await makeCohort(leader);
  cohort = { id: created.id, code: created.code };
}, 120_000);

describe('cohorts', () => {
  it('a kursleder creates a cohort and gets a short join code; capacity is 25 by default', async () => {
    expect(cohort.code).toMatch(/^[A-Z2-9]{6}$/);
    const record = await leader.pb.collection('cohorts').getOne(cohort.id);
    expect(record.capacity).toBe(25);
  });

  it('a learner cannot create a cohort, nor choose the join code', async () => {
    expect(await statusOf(participants[0]!.pb.collection('cohorts').create({ leader: participants[0]!.id, name: 'Mitt kurs' }))).toBe(400);
    const own = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Med egen kode', code: 'AAAAAA' });
    expect(own.code).not.toBe('AAAAAA');
  });

  it('lets 25 join and refuses the 26th with a clear Norwegian message (409)', async () => {
    for (const p of participants.slice(0, 25)) {
      const res = await call(p.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code.toLowerCase() });
      expect(res.status).toBe(200);
    }
    const again = await call(participants[0]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code });
    expect(again.status).toBe(200);
    expect(again.json.cohort.members).toBe(25);
    const full = await call(participants[25]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code });
    expect(full.status).toBe(409);
    expect(full.json.message).toMatch(/er full: alle 25 plassene er tatt/);
    const unknown = await call(participants[25]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: 'ZZZZZ9' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toMatch(/Fant ingen kursgruppe/);
  });

  it('participants see only their own cohort; another leader sees none of it', async () => {
    expect((await participants[0]!.pb.collection('cohorts').getFullList()).map((c) => c.id)).toEqual([cohort.id]);
    expect(await outsider.pb.collection('cohorts').getFullList()).toHaveLength(0);
    expect(await statusOf(otherLeader.pb.collection('cohorts').getOne(cohort.id))).toBe(404);
    expect(await statusOf(otherLeader.pb.collection('cohorts').update(cohort.id, { name: 'Kapret' }))).toBe(404);
  });

  it('the leader can remove a participant, who can then join again', async () => {
    const leaving = participants[24]!;
    const membership = await leader.pb.collection('cohort_members').getFirstListItem(leader.pb.filter('user = {:u}', { u: leaving.id }));
    await leader.pb.collection('cohort_members').delete(membership.id);
    expect(await leaving.pb.collection('cohorts').getFullList()).toHaveLength(0);
    expect((await call(leaving.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
  });

  it('the leader reads participants’ progress in the assistant course, and only that', async () => {
    const p = participants[1]!;
    const assistant = await p.pb.collection('progress').create({ user: p.id, course: 'assistentkurs', lesson: 'dag-1-velkommen-og-tett-pa', status: 'completed' });
    const other = await p.pb.collection('progress').create({ user: p.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
    // The leader's room reads its cohort through a route (the list rule leaves the membership join out).
    const answer = await call(leader.pb, 'GET', `/api/tettpa/cohorts/${cohort.id}/progress`);
    expect(answer.status).toBe(200);
    expect(answer.json.items.filter((r: { user: string }) => r.user === p.id)).toEqual([{ user: p.id, lesson: 'dag-1-velkommen-og-tett-pa', status: 'completed' }]);
    expect((await call(otherLeader.pb, 'GET', `/api/tettpa/cohorts/${cohort.id}/progress`)).status).toBe(403);
    expect((await call(p.pb, 'GET', `/api/tettpa/cohorts/${cohort.id}/progress`)).status).toBe(403);
    // One row by id, through the view rule: the assistant course only, and only to the cohort's leader.
    expect((await leader.pb.collection('progress').getOne(assistant.id)).lesson).toBe('dag-1-velkommen-og-tett-pa');
    expect(await statusOf(leader.pb.collection('progress').getOne(other.id))).toBe(404);
    expect(await statusOf(otherLeader.pb.collection('progress').getOne(assistant.id))).toBe(404);
  });
});

describe('capacity', () => {
  it('a cohort above 25 is refused at create (and at update), storing nothing', async () => {
    const root = await superuser(url);
    const before = (await root.collection('cohorts').getFullList({ filter: root.filter('leader = {:l}', { l: leader.id }) })).length;
    for (const capacity of [26, 100]) {
      const error = await leader.pb
        .collection('cohorts')
        .create({ leader: leader.id, name: `For stor ${capacity}`, capacity })
        .then(() => null, (e: { status: number; response: { data: Record<string, unknown> } }) => e);
      expect(error?.status, `capacity ${capacity}`).toBe(400);
      expect(Object.keys(error!.response.data)).toEqual(['capacity']);
    }
    expect(await root.collection('cohorts').getFullList({ filter: root.filter('leader = {:l}', { l: leader.id }) })).toHaveLength(before);
    // 25 is allowed; raising it past 25 afterwards is refused just the same.
    const ok = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Akkurat 25', capacity: 25 });
    expect(await statusOf(leader.pb.collection('cohorts').update(ok.id, { capacity: 26 }))).toBe(400);
    expect((await root.collection('cohorts').getOne(ok.id)).capacity).toBe(25);
  });

  it('a race for the last seat: of twenty joining at once, exactly one gets it, the others a Norwegian 409', async () => {
    const root = await superuser(url);
    const barnehage = await createBarnehage(root);
    const small = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Tre plasser', capacity: 3 });
    for (let i = 0; i < 2; i++) {
      const early = await createUser(root, 'deltaker', barnehage.id);
      expect((await call(early.pb, 'POST', '/api/tettpa/cohorts/join', { code: small.code })).status).toBe(200);
    }
    const racers = await Promise.all(Array.from({ length: 20 }, () => createUser(root, 'deltaker', barnehage.id)));
    const answers = await Promise.all(racers.map((r) => call(r.pb, 'POST', '/api/tettpa/cohorts/join', { code: small.code })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.json.message).toMatch(/er full: alle 3 plassene er tatt/);
    const members = await root.collection('cohort_members').getFullList({ filter: root.filter('cohort = {:c}', { c: small.id }) });
    expect(members).toHaveLength(3);
    const winner = racers[answers.findIndex((a) => a.status === 200)]!;
    expect(members.map((m) => m.user)).toContain(winner.id);
    // Twenty-two accounts, each hashed and logged in: slow on a busy machine, not a timing test.
  }, 90_000);
});

describe('a live coding round with 25 participants', () => {
  let roundId: string;
  const unsubscribers: Array<() => Promise<void>> = [];
  const seenByParticipants: Array<Array<{ action: string; status: string }>> = [];
  let leaderSaw: number[] = [];

  afterAll(async () => {
    for (const u of unsubscribers) await u();
  });

  it('only the cohort’s leader opens a round', async () => {
    expect((await call(participants[0]!.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: vignette.slug })).status).toBe(403);
    expect((await call(otherLeader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: vignette.slug })).status).toBe(403);
    const res = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: vignette.slug });
    expect(res.status).toBe(200);
    roundId = res.json.id;
  });

  it('every participant, subscribed in realtime, codes; the leader sees the count rise live', async () => {
    const members = participants.slice(0, 25);
    for (const [i, p] of members.entries()) {
      seenByParticipants[i] = [];
      unsubscribers.push(
        await p.pb.collection('cohort_rounds').subscribe('*', (event) => {
          seenByParticipants[i]!.push({ action: event.action, status: String(event.record.status) });
        }),
      );
    }
    unsubscribers.push(
      await leader.pb.collection('cohort_rounds').subscribe(roundId, (event) => {
        leaderSaw.push(Number(event.record.submitted));
      }),
    );
    const outsiderEvents: unknown[] = [];
    unsubscribers.push(await outsider.pb.collection('cohort_rounds').subscribe('*', (event) => void outsiderEvents.push(event)));

    await Promise.all(
      members.map((p, i) =>
        call(p.pb, 'POST', `/api/tettpa/rounds/${roundId}/codes`, {
          scores: { 'positive-climate': i % 2 === 0 ? 6 : 5, 'language-modeling': 3 + (i % 3) },
        }).then((res) => expect(res.status).toBe(200)),
      ),
    );
    // Every submission is one update of the round, and every update reaches the leader: 1, 2, …, 25.
    // They may arrive out of order (25 before 24), so wait for the whole set, not for the highest.
    await expect
      .poll(() => [...leaderSaw].sort((a, b) => a - b), { timeout: 10_000 })
      .toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // And each participant's screen: 25 updates each, none missing.
    await expect
      .poll(() => seenByParticipants.map((events) => events.filter((e) => e.action === 'update').length), { timeout: 10_000 })
      .toEqual(members.map(() => 25));
    expect(outsiderEvents).toHaveLength(0);
  });

  it('before the reveal, no master code or distribution reaches a participant by any route', async () => {
    const p = participants[0]!;
    const early = await call(p.pb, 'GET', `/api/tettpa/rounds/${roundId}/result`);
    expect(early.status).toBe(403);
    expect(JSON.stringify(early.json)).not.toMatch(/Hemmelig/);
    expect(await statusOf(p.pb.collection('master_codes').getList(1, 10))).toBe(403);
    const mine = await p.pb.collection('round_codes').getFullList();
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(seenByParticipants)).not.toMatch(/Hemmelig|justification|master/);
    const second = await call(p.pb, 'POST', `/api/tettpa/rounds/${roundId}/codes`, { scores: { 'positive-climate': 1, 'language-modeling': 1 } });
    expect(second.status).toBe(400);
    expect((await call(p.pb, 'POST', `/api/tettpa/rounds/${roundId}/reveal`)).status).toBe(403);
  });

  it('someone outside the cohort cannot send codes to its round', async () => {
    const res = await call(participants[25]!.pb, 'POST', `/api/tettpa/rounds/${roundId}/codes`, { scores: { 'positive-climate': 4, 'language-modeling': 4 } });
    expect(res.status).toBe(404);
  });

  it('after the reveal everyone sees the distribution beside the master code, anonymously, and their own codes', async () => {
    expect((await call(leader.pb, 'POST', `/api/tettpa/rounds/${roundId}/reveal`)).status).toBe(200);
    await expect.poll(() => seenByParticipants.every((events) => events.some((e) => e.status === 'revealed')), { timeout: 10_000 }).toBe(true);
    const p = participants[1]!;
    const { status, json } = await call(p.pb, 'GET', `/api/tettpa/rounds/${roundId}/result`);
    expect(status).toBe(200);
    expect(json.submitted).toBe(25);
    // i even (13 of 25) coded 6, i odd (12) coded 5; language 3,4,5 in turn: 9, 8, 8.
    expect(json.dimensions).toEqual([
      { dimension: 'positive-climate', distribution: [0, 0, 0, 0, 12, 13, 0], master: 6, justification: expect.stringContaining('Hemmelig') },
      { dimension: 'language-modeling', distribution: [0, 0, 9, 8, 8, 0, 0], master: 3, justification: expect.any(String) },
    ]);
    expect(json.mine).toEqual({ 'positive-climate': 5, 'language-modeling': 4 });
    expect(JSON.stringify(json)).not.toMatch(/Deltaker \d/);
    expect((await call(outsider.pb, 'GET', `/api/tettpa/rounds/${roundId}/result`)).status).toBe(404);
  });

  it('a participant cannot read another participant’s codes', async () => {
    const others = await participants[0]!.pb.collection('round_codes').getFullList();
    expect(others.every((c) => c.user === participants[0]!.id)).toBe(true);
  });
});

describe('realtime and master codes', () => {
  it('a raw subscription by a participant to round_codes shows only their own', async () => {
    const p = participants[2]!;
    const listener = await listen(url, p.pb.authStore.token, ['round_codes', 'master_codes']);
    try {
      const round = await call(leader.pb, 'POST', `/api/tettpa/cohorts/${cohort.id}/rounds`, { vignette: vignette.slug });
      await call(participants[3]!.pb, 'POST', `/api/tettpa/rounds/${round.json.id}/codes`, { scores: { 'positive-climate': 2, 'language-modeling': 2 } });
      await call(p.pb, 'POST', `/api/tettpa/rounds/${round.json.id}/codes`, { scores: { 'positive-climate': 7, 'language-modeling': 7 } });
      await expect.poll(() => listener.events.length, { timeout: 5000 }).toBeGreaterThan(0);
      const users = listener.events.map((e) => (e.data as { record: { user: string } }).record.user);
      expect(new Set(users)).toEqual(new Set([p.id]));
    } finally {
      listener.close();
    }
  });

  it('unauthenticated clients get 401 from the cohort routes', async () => {
    expect((await call(null, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code }, url)).status).toBe(401);
    expect(new PocketBase(url).authStore.isValid).toBe(false);
  });
});
