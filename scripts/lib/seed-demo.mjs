// Demo data for `npm start`: one kindergarten, one user per role, and a department with its
// pedagogical leader and three employees. Idempotent, and it never touches a record that already
// exists, so a learner's data survives every restart.
import PocketBase from 'pocketbase';
import { DEMO_PASSWORD } from './config.mjs';

export const DEMO_BARNEHAGE = { name: 'Demo barnehage', pulje: 1, eierform: 'kommunal' };

export const DEMO_USERS = [
  { email: 'deltaker@demo.tettpa.no', name: 'Dina Deltaker', role: 'deltaker', stilling: 'assistent' },
  { email: 'kursleder@demo.tettpa.no', name: 'Kari Kursleder', role: 'kursleder', stilling: 'pedagog' },
  { email: 'styrer@demo.tettpa.no', name: 'Sverre Styrer', role: 'styrer', stilling: 'styrer' },
  { email: 'admin@demo.tettpa.no', name: 'Anne Admin', role: 'admin', stilling: 'annet' },
  // The department's month: the leader runs the meeting, the three hand in praksisfortellinger.
  { email: 'pedleder@demo.tettpa.no', name: 'Pia Pedleder', role: 'deltaker', stilling: 'pedagogisk-leder', department: 'leader' },
  { email: 'ansatt1@demo.tettpa.no', name: 'Ali Assistent', role: 'deltaker', stilling: 'assistent', department: 'member' },
  { email: 'ansatt2@demo.tettpa.no', name: 'Frida Fagarbeider', role: 'deltaker', stilling: 'fagarbeider', department: 'member' },
  { email: 'ansatt3@demo.tettpa.no', name: 'Bo Barnehagelærer', role: 'deltaker', stilling: 'pedagog', department: 'member' },
];

export const DEMO_AVDELING = { name: 'Blåklokka', ageGroup: 'pre-k' };

async function findOne(pb, collection, filter, params) {
  const page = await pb.collection(collection).getList(1, 1, { filter: pb.filter(filter, params) });
  return page.items[0] ?? null;
}

/** Seeds through the API as the superuser; returns what it created. */
export async function seedDemo({ url, adminEmail, adminPassword }) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(adminEmail, adminPassword);

  const created = [];
  let barnehage = await findOne(pb, 'barnehager', 'name = {:name}', { name: DEMO_BARNEHAGE.name });
  if (!barnehage) {
    barnehage = await pb.collection('barnehager').create(DEMO_BARNEHAGE);
    created.push(`barnehage ${DEMO_BARNEHAGE.name}`);
  }
  let avdeling = await findOne(pb, 'avdelinger', 'barnehage = {:b} && name = {:name}', { b: barnehage.id, name: DEMO_AVDELING.name });
  const newAvdeling = !avdeling;
  if (!avdeling) {
    avdeling = await pb.collection('avdelinger').create({ ...DEMO_AVDELING, barnehage: barnehage.id });
    created.push(`avdeling ${DEMO_AVDELING.name}`);
  }
  const leaders = [];
  for (const { department, ...user } of DEMO_USERS) {
    if (await findOne(pb, 'users', 'email = {:email}', { email: user.email })) continue;
    const record = await pb.collection('users').create({
      ...user,
      avdeling: department ? avdeling.id : '',
      barnehage: barnehage.id,
      password: DEMO_PASSWORD,
      passwordConfirm: DEMO_PASSWORD,
      verified: true,
      emailVisibility: false,
    });
    created.push(user.email);
    if (department === 'leader') leaders.push(record.id);
  }
  // Only a department made in this run gets its leader set: an existing one is the styrer's.
  if (newAvdeling && leaders.length > 0) await pb.collection('avdelinger').update(avdeling.id, { leaders });
  created.push(...(await seedDemoNetwork(pb, barnehage)));
  return created;
}

export const DEMO_NETTVERK = 'Demo-nettverket';

/** The demo styrer leads a network that holds the demo kindergarten (issue 14: calibration rounds). */
async function seedDemoNetwork(pb, barnehage) {
  const created = [];
  const styrer = await findOne(pb, 'users', 'email = {:email}', { email: 'styrer@demo.tettpa.no' });
  let network = await findOne(pb, 'nettverk', 'name = {:name}', { name: DEMO_NETTVERK });
  if (!network) {
    network = await pb.collection('nettverk').create({ name: DEMO_NETTVERK, leaders: styrer ? [styrer.id] : [] });
    created.push(`nettverk ${DEMO_NETTVERK}`);
  }
  // Only a kindergarten without a network joins: one the competence team has placed stays put.
  if (!barnehage.nettverk) {
    await pb.collection('barnehager').update(barnehage.id, { nettverk: network.id });
    created.push(`${DEMO_BARNEHAGE.name} i ${DEMO_NETTVERK}`);
  }
  return created;
}
