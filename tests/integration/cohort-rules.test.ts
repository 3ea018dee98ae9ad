// The server refuses impossible cohorts with a Norwegian message that names the field, and stores
// nothing; a cohort can be archived and brought back, and an archived one takes no newcomers.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');
let leader: TestUser;
let learners: TestUser[];

const nextYear = new Date().getUTCFullYear() + 1;
const day = (iso: string) => `${iso} 08:00:00Z`;
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const root = await superuser(url);
  const barnehage = await createBarnehage(root);
  leader = await createUser(root, 'kursleder', barnehage.id, 'Kari Kursleder');
  learners = [await createUser(root, 'deltaker', barnehage.id), await createUser(root, 'deltaker', barnehage.id)];
});

async function refusal(data: Record<string, unknown>) {
  return leader.pb
    .collection('cohorts')
    .create({ leader: leader.id, name: 'Todagerskurs', place: 'Bekkestua', ...data })
    .then(() => null, (e: { status: number; response: { message: string; data: Record<string, { message: string }> } }) => e);
}

async function count() {
  const root = await superuser(url);
  return (await root.collection('cohorts').getFullList({ filter: root.filter('leader = {:l}', { l: leader.id }) })).length;
}

describe('impossible cohorts', () => {
  it.each([
    ['day 2 before day 1', { day1: day(`${nextYear}-03-09`), day2: day(`${nextYear}-03-02`) }, 'day2', 'Dag 2 kan ikke være før dag 1.'],
    ['day 1 in the past', { day1: day(yesterday), day2: day(`${nextYear}-03-02`) }, 'day1', 'Dag 1 kan ikke være en dato som har vært.'],
    ['day 2 in the past', { day1: day(`${nextYear}-03-02`), day2: day(yesterday) }, 'day2', 'Dag 2 kan ikke være en dato som har vært.'],
    ['capacity 30', { day1: day(`${nextYear}-03-02`), day2: day(`${nextYear}-03-09`), capacity: 30 }, 'capacity', 'Antall plasser må være et helt tall fra 1 til 25.'],
    ['capacity 0', { day1: day(`${nextYear}-03-02`), day2: day(`${nextYear}-03-09`), capacity: 0 }, 'capacity', 'Antall plasser må være et helt tall fra 1 til 25.'],
    ['capacity 2.5', { day1: day(`${nextYear}-03-02`), day2: day(`${nextYear}-03-09`), capacity: 2.5 }, 'capacity', 'Antall plasser må være et helt tall fra 1 til 25.'],
  ])('%s is refused with a Norwegian message and nothing is stored', async (_what, data, field, message) => {
    const before = await count();
    const error = await refusal(data);
    expect(error?.status).toBe(400);
    expect(error?.response.message).toBe(message);
    expect(error?.response.data[field]?.message).toBe(message);
    expect(await count()).toBe(before);
  });

  it('a capacity of 30 is not quietly stored as 25, and an update is checked the same way', async () => {
    const ok = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Vårkurs', day1: day(`${nextYear}-03-02`), day2: day(`${nextYear}-03-09`), capacity: 12 });
    expect(ok.capacity).toBe(12);
    const error = await leader.pb.collection('cohorts').update(ok.id, { day2: day(`${nextYear}-03-01`) }).then(() => null, (e: { status: number; response: { message: string } }) => e);
    expect(error?.status).toBe(400);
    expect(error?.response.message).toBe('Dag 2 kan ikke være før dag 1.');
    const root = await superuser(url);
    expect((await root.collection('cohorts').getOne(ok.id)).day2).toContain(`${nextYear}-03-09`);
  });
});

describe('archiving', () => {
  it('an archived cohort is kept, takes no newcomers, lets its members back in, and can be brought back', async () => {
    const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Høstkurs', day1: day(`${nextYear}-09-01`), day2: day(`${nextYear}-09-08`) });
    expect(cohort.archived).toBe(false);
    expect((await call(learners[0]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);

    const archived = await leader.pb.collection('cohorts').update(cohort.id, { archived: true });
    expect(archived.archived).toBe(true);
    expect((await leader.pb.collection('cohorts').getOne(cohort.id)).name).toBe('Høstkurs');

    const late = await call(learners[1]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code });
    expect(late.status).toBe(400);
    expect(late.json.message).toBe('Kursgruppen «Høstkurs» er arkivert og tar ikke imot nye deltakere.');
    expect((await call(learners[0]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);

    // Only its leader archives it.
    const other = await call(learners[0]!.pb, 'PATCH', `/api/collections/cohorts/records/${cohort.id}`, { archived: false });
    expect(other.status).toBe(404);

    await leader.pb.collection('cohorts').update(cohort.id, { archived: false });
    expect((await call(learners[1]!.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
  });
});
