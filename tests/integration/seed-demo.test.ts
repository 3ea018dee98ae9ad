// The demo seed is idempotent and never overwrites what already exists.
import { describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { seedDemo, DEMO_USERS } from '../../scripts/lib/seed-demo.mjs';
import { DEMO_PASSWORD } from '../../scripts/lib/config.mjs';
import { superuser } from '../support/accounts';
import { TEST_ADMIN } from '../support/test-server';

const url = inject('pocketbaseUrl');
const seed = () => seedDemo({ url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password }) as Promise<string[]>;

describe('demo seed', () => {
  it('creates one user per role, each able to log in, and nothing the second time', async () => {
    await seed();
    expect(await seed()).toEqual([]);
    const roles = new Set<string>();
    for (const demo of DEMO_USERS as Array<{ email: string; role: string }>) {
      const pb = new PocketBase(url);
      const auth = await pb.collection('users').authWithPassword(demo.email, DEMO_PASSWORD);
      roles.add(auth.record.role);
    }
    expect([...roles].sort()).toEqual(['admin', 'deltaker', 'kursleder', 'styrer']);
  });

  it('keeps a learner’s own changes and progress on a later seed', async () => {
    await seed();
    const learner = new PocketBase(url);
    const auth = await learner.collection('users').authWithPassword('deltaker@demo.tettpa.no', DEMO_PASSWORD);
    await learner.collection('users').update(auth.record.id, { name: 'Dina med nytt navn' });
    await learner.collection('progress').create({ user: auth.record.id, course: 'nyansatt', lesson: 'motestruktur-og-arshjul', status: 'completed' });
    await seed();
    const root = await superuser(url);
    expect((await root.collection('users').getOne(auth.record.id)).name).toBe('Dina med nytt navn');
    const rows = await root.collection('progress').getFullList({ filter: root.filter('user = {:u}', { u: auth.record.id }) });
    expect(rows.map((r) => r.lesson)).toContain('motestruktur-og-arshjul');
  });
});

describe('demo department', () => {
  it('has a department with its pedagogical leader and three employees, made once', async () => {
    await seed();
    await seed();
    const root = await superuser(url);
    const [avdeling, ...more] = await root.collection('avdelinger').getFullList({ filter: 'name = "Blåklokka"' });
    expect(more).toHaveLength(0);
    const people = await root.collection('users').getFullList({ filter: root.filter('avdeling = {:a}', { a: avdeling!.id }), sort: 'email' });
    expect(people.map((p) => p.email)).toEqual(['ansatt1@demo.tettpa.no', 'ansatt2@demo.tettpa.no', 'ansatt3@demo.tettpa.no', 'pedleder@demo.tettpa.no']);
    const leader = people.find((p) => p.email === 'pedleder@demo.tettpa.no')!;
    expect(avdeling!.leaders).toEqual([leader.id]);
    const month = new Date().toISOString().slice(0, 7);
    const leaderPb = new PocketBase(url);
    await leaderPb.collection('users').authWithPassword(leader.email, DEMO_PASSWORD);
    const res = await leaderPb.send(`/api/tettpa/avdelinger/${avdeling!.id}/months/${month}`, { method: 'GET' });
    expect(res).toMatchObject({ members: 3 });
  });

  // Issue 14: calibration rounds need a network; the demo styrer leads one with the demo kindergarten.
  it('puts the demo kindergarten in a network the demo styrer leads', async () => {
    await seed();
    const root = await superuser(url);
    const barnehage = await root.collection('barnehager').getFirstListItem(root.filter('name = {:n}', { n: 'Demo barnehage' }), { expand: 'nettverk.leaders' });
    expect(barnehage.expand?.nettverk?.name).toBe('Demo-nettverket');
    expect(barnehage.expand?.nettverk?.expand?.leaders.map((u: { email: string }) => u.email)).toEqual(['styrer@demo.tettpa.no']);
    expect(await seed()).toEqual([]);
  });
});
