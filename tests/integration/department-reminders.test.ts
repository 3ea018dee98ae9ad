// Reminders three working days before a department's meeting go, once, by real mail (Mailpit) to
// members who have not handed in; the retention period of stories is configuration.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { call } from '../support/api';
import { mailsTo, waitForMail } from '../support/mailpit';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';

const url = inject('pocketbaseUrl');
const mailpitUrl = inject('mailpitUrl');

async function department(root: PocketBase, members: number) {
  const barnehage = await createBarnehage(root);
  const leader = await createUser(root, 'deltaker', barnehage.id, 'Lise Leder');
  const avdeling = await root.collection('avdelinger').create({ barnehage: barnehage.id, name: 'Ekornet', ageGroup: 'pre-k', leaders: [leader.id] });
  const staff: TestUser[] = [];
  for (let i = 0; i < members; i += 1) {
    const user = await createUser(root, 'deltaker', barnehage.id, `Ansatt ${i + 1}`);
    await root.collection('users').update(user.id, { avdeling: avdeling.id });
    await user.pb.collection('users').authRefresh();
    staff.push(user);
  }
  await root.collection('users').update(leader.id, { avdeling: avdeling.id });
  await leader.pb.collection('users').authRefresh();
  return { leader, avdeling: avdeling.id, staff };
}

describe('reminders', () => {
  let root: PocketBase;
  let leader: TestUser;
  let done: TestUser;
  let late: TestUser;

  beforeAll(async () => {
    root = await superuser(url);
    const d = await department(root, 2);
    leader = d.leader;
    [done, late] = d.staff as [TestUser, TestUser];
    // Thursday 11 March 2032 at 12.00 Norwegian time; three working days before is Monday the 8th.
    await leader.pb.collection('avdeling_months').create({ avdeling: d.avdeling, month: '2032-03', meetingDate: '2032-03-11 11:00:00.000Z' });
    await done.pb.collection('praksisfortellinger').create({ author: done.id, avdeling: d.avdeling, month: '2032-03', dimension: 'language-modeling', text: 'Jeg gjentok ordet han sa.' });
  });

  it('sends nothing four working days before the meeting', async () => {
    const res = await call(root, 'POST', '/api/tettpa/jobs/reminders', { date: '2032-03-05' });
    expect(res.status).toBe(200);
    expect(res.json.sent).not.toContain(late.email);
    expect(await mailsTo(mailpitUrl, late.email)).toHaveLength(0);
  });

  it('three working days before, mails the member who has not handed in, and only them', async () => {
    const res = await call(root, 'POST', '/api/tettpa/jobs/reminders', { date: '2032-03-08' });
    expect(res.json.sent).toEqual([late.email]);
    const mail = await waitForMail(mailpitUrl, late.email, 'Påminnelse');
    expect(mail.subject).toContain('11. mars 2032');
    expect(mail.text).toContain('Ekornet har avdelingsmøte 11. mars 2032 kl. 12.00');
    expect(mail.text).toContain('Språkstøtte');
    expect(mail.text).toContain('/min-side/');
    expect(await mailsTo(mailpitUrl, done.email)).toHaveLength(0);
    expect(await mailsTo(mailpitUrl, leader.email)).toHaveLength(0);
  });

  it('sends one reminder per meeting, however often the job runs', async () => {
    const again = await call(root, 'POST', '/api/tettpa/jobs/reminders', { date: '2032-03-09' });
    expect(again.json.sent).not.toContain(late.email);
    expect(await mailsTo(mailpitUrl, late.email)).toHaveLength(1);
  });

  it('refuses a date in the wrong format, and anyone but a superuser', async () => {
    const bad = await call(root, 'POST', '/api/tettpa/jobs/reminders', { date: '8.3.2032' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/ÅÅÅÅ-MM-DD/);
    expect((await call(leader.pb, 'POST', '/api/tettpa/jobs/reminders', { date: '2032-03-08' })).status).toBe(403);
  });

  it('runs every day as a PocketBase cron job', async () => {
    const res = await call(root, 'GET', '/api/crons');
    expect(res.json.map((c: { id: string }) => c.id)).toContain('tettpa-department-month');
  });
});

describe('retention as configuration', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { TETTPA_STORY_RETENTION_MONTHS: '1' } });
  });
  afterAll(async () => {
    await server.stop();
    removeDataDir(server.dataDir);
  });

  it('with a retention of one month, a story is deleted when the month after its month has passed', async () => {
    const root = await superuser(server.url);
    const { avdeling, staff } = await department(root, 1);
    const writer = staff[0]!;
    const story = await writer.pb.collection('praksisfortellinger').create({ author: writer.id, avdeling, month: '2031-01', dimension: 'productivity', text: 'Jeg ventet med å rydde.' });
    await call(root, 'POST', '/api/tettpa/jobs/retention', { date: '2031-02-28' });
    expect(await statusOf(writer.pb.collection('praksisfortellinger').getOne(story.id))).toBe('ok');
    const res = await call(root, 'POST', '/api/tettpa/jobs/retention', { date: '2031-03-01' });
    expect(res.json.deleted).toBe(1);
    expect(await statusOf(writer.pb.collection('praksisfortellinger').getOne(story.id))).toBe(404);
  });
});
