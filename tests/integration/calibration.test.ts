// Issue 14, part 2: calibration rounds in the styrer networks. Who may open, code, close and read;
// and, from outside through the API and realtime, that nobody (the leader and admin included)
// ever receives another person's codes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { createCycle, createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { listen, type RealtimeListener } from '../support/realtime';
import { dimensionsOf } from '../../src/lib/class/catalogue';
import { createRequire } from 'node:module';

// The one kappa the server uses.
const scoring = createRequire(import.meta.url)('../../pb_hooks/lib/scoring.js');

const url = inject('pocketbaseUrl');
const dims = dimensionsOf('toddler');
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();
const nextYear = () => new Date(Date.now() + 365 * 86400000).toISOString().replace('T', ' ');

let root: PocketBase;
let networkA: { id: string; name: string };
let networkB: { id: string; name: string };
let leaderA: TestUser;
let leaderB: TestUser;
let admin: TestUser;
let observers: TestUser[];
let uncertified: TestUser;
let expired: TestUser;
let observerB: TestUser;
let practice: { slug: string; id: string; masters: Record<string, number> };
let practice2: { slug: string; id: string; masters: Record<string, number> };
let practice3: { slug: string; id: string; masters: Record<string, number> };
let checkCycle: { slug: string };
let short: { slug: string };

/** Each observer's codes: the master code moved by a known step, so every aggregate is known. */
const steps = [0, 1, -1, 2];
const codesOf = (i: number, masters: Record<string, number>) =>
  Object.fromEntries(dims.map((d) => [d, Math.min(7, Math.max(1, masters[d]! + steps[i]!))]));

async function certify(user: TestUser, until: string) {
  await root.collection('users').update(user.id, { certified_until: until });
}

async function storedCodes(roundId: string) {
  return root.collection('calibration_codes').getFullList({ filter: root.filter('round = {:r}', { r: roundId }) });
}

beforeAll(async () => {
  root = await superuser(url);
  const suffix = Date.now().toString(36);
  const [a1, a2, b1] = [await createBarnehage(root), await createBarnehage(root), await createBarnehage(root)];
  leaderA = await createUser(root, 'styrer', a1.id, 'Styrer A');
  leaderB = await createUser(root, 'styrer', b1.id, 'Styrer B');
  admin = await createUser(root, 'admin', a1.id, 'Admin');
  const a = await root.collection('nettverk').create({ name: `Nettverk A ${suffix}`, leaders: [leaderA.id] });
  const b = await root.collection('nettverk').create({ name: `Nettverk B ${suffix}`, leaders: [leaderB.id] });
  networkA = { id: a.id, name: a.name };
  networkB = { id: b.id, name: b.name };
  for (const k of [a1, a2]) await root.collection('barnehager').update(k.id, { nettverk: a.id });
  await root.collection('barnehager').update(b1.id, { nettverk: b.id });
  observers = [];
  for (let i = 0; i < 4; i++) {
    const o = await createUser(root, 'deltaker', (i % 2 ? a2 : a1).id, `Observatør ${i + 1}`);
    await certify(o, nextYear());
    observers.push(o);
  }
  uncertified = await createUser(root, 'deltaker', a1.id, 'Ikke sertifisert');
  expired = await createUser(root, 'deltaker', a2.id, 'Utløpt');
  await certify(expired, '2020-01-01 00:00:00.000Z');
  observerB = await createUser(root, 'deltaker', b1.id, 'Observatør B');
  await certify(observerB, nextYear());
  practice = await createCycle(root, 'toddler', 4, undefined, 'practice');
  practice2 = await createCycle(root, 'toddler', 3, undefined, 'practice');
  practice3 = await createCycle(root, 'toddler', 5, undefined, 'practice');
  checkCycle = await createCycle(root, 'toddler', 4, undefined, 'check');
  short = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters: { 'positive-climate': 5 } });
}, 120_000);

describe('networks', () => {
  it('staff see their own network, not another; only admin creates one; leaders must be styrere', async () => {
    expect((await observers[0]!.pb.collection('nettverk').getFullList()).map((n) => n.id)).toEqual([networkA.id]);
    expect(await statusOf(observers[0]!.pb.collection('nettverk').getOne(networkB.id))).toBe(404);
    expect(await statusOf(leaderA.pb.collection('nettverk').create({ name: 'Eget nettverk', leaders: [leaderA.id] }))).toBe(400);
    expect(await statusOf(leaderA.pb.collection('nettverk').update(networkA.id, { leaders: [leaderA.id, observers[0]!.id] }))).toBe(404);
    const refused = await admin.pb
      .collection('nettverk')
      .create({ name: `Med deltaker som leder ${Date.now()}`, leaders: [observers[0]!.id] })
      .then(() => null, (e: { status: number; response: { message: string } }) => e);
    expect(refused?.status).toBe(400);
    expect(refused?.response.message).toMatch(/Bare styrere kan lede et nettverk/);
    const made = await admin.pb.collection('nettverk').create({ name: `Admins nettverk ${Date.now()}`, leaders: [leaderB.id] });
    expect(made.leaders).toEqual([leaderB.id]);
    // A leader sees the network they lead even when their own kindergarten is not in it.
    expect((await leaderB.pb.collection('nettverk').getOne(made.id)).name).toBe(made.name);
    expect((await call(leaderB.pb, 'GET', '/api/tettpa/calibration')).json.leads.map((n: { id: string }) => n.id)).toContain(made.id);
  });
});

describe('a calibration round with four certified observers', () => {
  let roundId: string;
  const listeners: Array<{ who: string; l: RealtimeListener }> = [];

  afterAll(() => {
    for (const { l } of listeners) l.close();
  });

  it('everyone subscribes to everything they can before the round starts', async () => {
    const everything = ['calibration_codes/*', 'calibration_rounds/*', 'nettverk/*', 'barnehager/*', 'users/*', 'vignettes/*', 'master_codes/*'];
    for (const [who, user] of [['participant', observers[0]!], ['leader', leaderA], ['admin', admin], ['outsider', observerB]] as const) {
      listeners.push({ who, l: await listen(url, user.pb.authStore.token, everything) });
    }
  });

  it('refuses a round from a non-leader, a leader of another network, on a check-pool cycle, on a short vignette, or without a closing time in the future', async () => {
    const open = (u: TestUser, body: Record<string, unknown>) => call(u.pb, 'POST', '/api/tettpa/calibration/rounds', body);
    const base = { nettverk: networkA.id, vignette: practice.slug, closesAt: inAWeek() };
    const observer = await open(observers[0]!, base);
    expect(observer.status).toBe(403);
    expect(observer.json.message).toMatch(/Bare lederne av nettverket/);
    const other = await open(leaderB, base);
    expect(other.status).toBe(403);
    expect(other.json.message).toBe(`Bare lederne av nettverket «${networkA.name}» kan åpne kalibreringsrunder der.`);
    const check = await open(leaderA, { ...base, vignette: checkCycle.slug });
    expect(check.status).toBe(400);
    expect(check.json.message).toMatch(/hører til reliabilitetssjekken og kan ikke brukes i en kalibreringsrunde/);
    expect((await open(leaderA, { ...base, vignette: short.slug })).json.message).toMatch(/hel observasjonssyklus/);
    expect((await open(leaderA, { ...base, closesAt: '2020-01-01T10:00:00Z' })).json.message).toBe('Tidspunktet runden lukkes må ligge fram i tid.');
    expect((await open(leaderA, { ...base, closesAt: 'i morgen' })).status).toBe(400);
    expect((await open(leaderA, { ...base, vignette: 'finnes-ikke' })).status).toBe(404);
    expect(await root.collection('calibration_rounds').getFullList({ filter: root.filter('nettverk = {:n}', { n: networkA.id }) })).toHaveLength(0);
  });

  it('the network’s leader opens a round; a second open round in the same network is refused', async () => {
    const res = await call(leaderA.pb, 'POST', '/api/tettpa/calibration/rounds', { nettverk: networkA.id, vignette: practice.slug, closesAt: inAWeek() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ vignette: { slug: practice.slug }, closed: false, submitted: 0 });
    roundId = res.json.id;
    const again = await call(leaderA.pb, 'POST', '/api/tettpa/calibration/rounds', { nettverk: networkA.id, vignette: practice2.slug, closesAt: inAWeek() });
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/allerede en åpen kalibreringsrunde/);
  });

  it('while the round is open, the network cannot practise the cycle (the feedback would give away the master codes); others can', async () => {
    const scores = codesOf(0, practice.masters);
    const refused = await call(observers[0]!.pb, 'POST', '/api/tettpa/attempts', { vignette: practice.slug, scores });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/åpen kalibreringsrunde/);
    expect(await root.collection('attempts').getFullList({ filter: root.filter('user = {:u}', { u: observers[0]!.id }) })).toHaveLength(0);
    expect((await call(observerB.pb, 'POST', '/api/tettpa/attempts', { vignette: practice.slug, scores })).status).toBe(200);
  });

  it('the network’s certified observers see the round; others do not', async () => {
    const overview = await call(observers[1]!.pb, 'GET', '/api/tettpa/calibration');
    expect(overview.json.certified).toBe(true);
    expect(overview.json.rounds.map((r: { id: string }) => r.id)).toEqual([roundId]);
    expect((await call(observers[1]!.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}`)).json).toMatchObject({ canCode: true, mine: false, leads: false });
    expect((await call(uncertified.pb, 'GET', '/api/tettpa/calibration')).json.rounds).toEqual([]);
    expect((await call(observerB.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}`)).status).toBe(404);
    expect(await statusOf(observerB.pb.collection('calibration_rounds').getOne(roundId))).toBe(404);
    expect(await statusOf(uncertified.pb.collection('calibration_rounds').getOne(roundId))).toBe(404);
    expect((await observers[0]!.pb.collection('calibration_rounds').getOne(roundId)).submitted).toBe(0);
    const leaderView = await call(leaderA.pb, 'GET', '/api/tettpa/calibration');
    expect(leaderView.json.leads).toEqual([expect.objectContaining({ id: networkA.id, observers: 4 })]);
  });

  it('refuses codes from the uncertified, the expired, another network’s observer and leader, and bad codes: nothing stored', async () => {
    const send = (u: TestUser, scores: unknown) => call(u.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/codes`, { scores });
    const good = codesOf(0, practice.masters);
    for (const who of [uncertified, expired]) {
      const res = await send(who, good);
      expect(res.status).toBe(403);
      expect(res.json.message).toBe('Bare sertifiserte CLASS-observatører med gyldig sertifisering kan delta i en kalibreringsrunde.');
    }
    for (const who of [observerB, leaderB]) {
      const res = await send(who, good);
      expect(res.status).toBe(403);
      expect(res.json.message).toMatch(/barnehagen din er ikke med i det/);
    }
    expect((await send(observers[0]!, { ...good, 'positive-climate': 8 })).json.message).toMatch(/heltall fra 1 til 7/);
    expect((await send(observers[0]!, { 'positive-climate': 4 })).json.message).toMatch(/Du må kode alle dimensjonene/);
    expect(await storedCodes(roundId)).toHaveLength(0);
  });

  it('four observers code independently; a second submission is refused', async () => {
    for (const [i, o] of observers.entries()) {
      const res = await call(o.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/codes`, { scores: codesOf(i, practice.masters) });
      expect(res.status).toBe(200);
    }
    const second = await call(observers[0]!.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/codes`, { scores: codesOf(1, practice.masters) });
    expect(second.status).toBe(409);
    expect(second.json.message).toBe('Du har allerede sendt inn kodene dine i denne runden. De kan ikke endres.');
    const stored = await storedCodes(roundId);
    expect(stored).toHaveLength(4);
    expect(stored.find((c) => c.user === observers[0]!.id)!.scores).toEqual(codesOf(0, practice.masters));
    expect((await call(leaderA.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}`)).json).toMatchObject({ submitted: 4, observers: 4, leads: true, canCode: false });
  });

  it('before closing, nobody gets a result, and no one can read the codes through the collection API', async () => {
    for (const who of [observers[0]!, leaderA, admin]) {
      const res = await call(who.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}/result`);
      expect(res.status).toBe(403);
      expect(res.json.message).toBe('Resultatet vises når kalibreringsrunden er lukket.');
    }
    for (const who of [observers[0]!, leaderA, admin]) {
      expect(await statusOf(who.pb.collection('calibration_codes').getFullList())).toBe(403);
      expect(await statusOf(who.pb.collection('calibration_codes').getOne((await storedCodes(roundId))[0]!.id))).toBe(403);
    }
  });

  it('refuses closing from an observer and from another network’s leader', async () => {
    for (const who of [observers[0]!, leaderB]) {
      const res = await call(who.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/close`);
      expect(res.status).toBe(403);
      expect(res.json.message).toBe(`Bare lederne av nettverket «${networkA.name}» kan lukke runden.`);
    }
    expect((await root.collection('calibration_rounds').getOne(roundId)).closedAt).toBe('');
  });

  it('the leader closes it; codes after closing are refused', async () => {
    const res = await call(leaderA.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/close`);
    expect(res.status).toBe(200);
    expect(res.json.closed).toBe(true);
    const late = await call(observers[0]!.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/codes`, { scores: codesOf(0, practice.masters) });
    expect(late.status).toBe(400);
    const lateNew = await createUser(root, 'deltaker', (await root.collection('users').getOne(observers[0]!.id)).barnehage, 'Sen');
    await certify(lateNew, nextYear());
    const refused = await call(lateNew.pb, 'POST', `/api/tettpa/calibration/rounds/${roundId}/codes`, { scores: codesOf(0, practice.masters) });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe('Kalibreringsrunden er lukket. Koder kan ikke lenger sendes inn.');
    expect(await storedCodes(roundId)).toHaveLength(4);
    // Practice on the cycle is open again.
    expect((await call(lateNew.pb, 'POST', '/api/tettpa/attempts', { vignette: practice.slug, scores: codesOf(0, practice.masters) })).status).toBe(200);
  });

  it('each participant sees the anonymous distribution, the master code, their own code and the agreement', async () => {
    const pairs = observers.flatMap((_, i) => dims.map((d) => [codesOf(i, practice.masters)[d]!, practice.masters[d]!]));
    for (const [i, o] of observers.entries()) {
      const res = await call(o.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}/result`);
      expect(res.status).toBe(200);
      expect(res.json.participants).toBe(4);
      expect(res.json.shown).toBe(true);
      for (const d of res.json.dimensions) {
        expect(d.master).toBe(practice.masters[d.dimension]);
        expect(d.mine).toBe(codesOf(i, practice.masters)[d.dimension]);
        const expected = [0, 0, 0, 0, 0, 0, 0];
        for (let j = 0; j < 4; j++) expected[codesOf(j, practice.masters)[d.dimension]! - 1]! += 1;
        expect(d.distribution).toEqual(expected);
      }
      expect(res.json.agreement.withinOne).toBeCloseTo(pairs.filter(([a, b]) => Math.abs(a! - b!) <= 1).length / pairs.length);
      expect(res.json.agreement.exact).toBeCloseTo(pairs.filter(([a, b]) => a === b).length / pairs.length);
      expect(res.json.agreement.weightedKappa).toBeCloseTo(scoring.quadraticWeightedKappa(pairs)!);
      // Nothing in the answer names or points at anyone else.
      const text = JSON.stringify(res.json);
      for (const other of observers.filter((x) => x !== o)) {
        expect(text).not.toContain(other.id);
        expect(text).not.toContain(other.name);
      }
    }
  });

  it('the leader and admin see the same aggregates and no codes of their own; a non-participant sees nothing', async () => {
    for (const who of [leaderA, admin]) {
      const res = await call(who.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}/result`);
      expect(res.status).toBe(200);
      expect(res.json.dimensions.every((d: { mine: unknown }) => d.mine === null)).toBe(true);
      for (const o of observers) expect(JSON.stringify(res.json)).not.toContain(o.id);
    }
    const outsider = await createUser(root, 'deltaker', (await root.collection('users').getOne(observers[0]!.id)).barnehage);
    await certify(outsider, nextYear());
    const res = await call(outsider.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}/result`);
    expect(res.status).toBe(403);
    expect(res.json.message).toMatch(/bare for dem som kodet i den/);
    expect((await call(observerB.pb, 'GET', `/api/tettpa/calibration/rounds/${roundId}/result`)).status).toBe(404);
  });

  it('an observer’s own codes are in their data export, and nobody else’s', async () => {
    const res = await call(observers[1]!.pb, 'GET', '/api/tettpa/me/export');
    expect(res.json.calibrationCodes).toEqual([expect.objectContaining({ round: roundId, scores: codesOf(1, practice.masters) })]);
  });

  it('realtime brought round counts to those who may see the round, and not a single code to anyone', async () => {
    // The last close event has reached the leader: the streams are not behind.
    const leaderEvents = listeners.find((x) => x.who === 'leader')!.l.events;
    await expect.poll(() => leaderEvents.filter((e) => e.event === 'calibration_rounds/*' && (e.data as { record: { closedAt: string } }).record.closedAt !== '').length).toBe(1);
    const participantEvents = listeners.find((x) => x.who === 'participant')!.l.events;
    await expect.poll(() => participantEvents.some((e) => (e.data as { record: { closedAt: string } }).record?.closedAt)).toBe(true);
    expect(leaderEvents.map((e) => (e.data as { record: { submitted: number } }).record.submitted)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    for (const { who, l } of listeners) {
      for (const e of l.events) {
        expect(e.event, who).not.toMatch(/^calibration_codes/);
        expect(JSON.stringify(e.data), who).not.toMatch(/"scores"/);
      }
    }
    expect(listeners.find((x) => x.who === 'outsider')!.l.events.filter((e) => e.event.startsWith('calibration'))).toEqual([]);
  });
});

describe('closing by time, the three-participant floor and the history', () => {
  it('a round whose time has passed is closed: no codes, and with two participants no distribution', async () => {
    const opened = await call(admin.pb, 'POST', '/api/tettpa/calibration/rounds', { nettverk: networkA.id, vignette: practice2.slug, closesAt: inAWeek() });
    expect(opened.status).toBe(200);
    for (const i of [0, 1]) {
      expect((await call(observers[i]!.pb, 'POST', `/api/tettpa/calibration/rounds/${opened.json.id}/codes`, { scores: codesOf(i, practice2.masters) })).status).toBe(200);
    }
    // Time passing, without waiting: the closing time is moved into the past.
    await root.collection('calibration_rounds').update(opened.json.id, { closesAt: '2020-01-01 00:00:00.000Z' });
    const late = await call(observers[2]!.pb, 'POST', `/api/tettpa/calibration/rounds/${opened.json.id}/codes`, { scores: codesOf(2, practice2.masters) });
    expect(late.status).toBe(400);
    expect(late.json.message).toMatch(/lukket/);
    const res = await call(observers[0]!.pb, 'GET', `/api/tettpa/calibration/rounds/${opened.json.id}/result`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ participants: 2, shown: false, agreement: null, minParticipants: 3 });
    for (const d of res.json.dimensions) {
      expect(d.distribution).toBeNull();
      expect(d.mine).toBe(codesOf(0, practice2.masters)[d.dimension]);
    }
    expect(res.json.history.map((h: { participants: number; agreement: unknown }) => [h.participants, h.agreement === null])).toEqual([
      [4, false],
      [2, true],
    ]);
  });

  it('with exactly three, the distribution is shown and the history carries every closed round', async () => {
    const opened = await call(leaderA.pb, 'POST', '/api/tettpa/calibration/rounds', { nettverk: networkA.id, vignette: practice3.slug, closesAt: inAWeek() });
    for (const i of [0, 1, 2]) await call(observers[i]!.pb, 'POST', `/api/tettpa/calibration/rounds/${opened.json.id}/codes`, { scores: codesOf(i, practice3.masters) });
    await call(leaderA.pb, 'POST', `/api/tettpa/calibration/rounds/${opened.json.id}/close`);
    const res = await call(observers[2]!.pb, 'GET', `/api/tettpa/calibration/rounds/${opened.json.id}/result`);
    expect(res.json.shown).toBe(true);
    expect(res.json.dimensions[0].distribution.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(res.json.history).toHaveLength(3);
    expect(res.json.history[2].agreement.withinOne).toBeGreaterThan(0);
    // The participant's overview lists all three rounds, newest first.
    const overview = await call(observers[0]!.pb, 'GET', '/api/tettpa/calibration');
    expect(overview.json.rounds.map((r: { mine: boolean; closed: boolean }) => [r.mine, r.closed])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });
});
