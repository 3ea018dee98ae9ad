// Demo data for `npm start`: one kindergarten and one user per role. Idempotent, and it never
// touches a record that already exists, so a learner's data survives every restart.
import PocketBase from 'pocketbase';
import { DEMO_PASSWORD } from './config.mjs';

export const DEMO_BARNEHAGE = { name: 'Demo barnehage', pulje: 1, eierform: 'kommunal' };

export const DEMO_USERS = [
  { email: 'deltaker@demo.tettpa.no', name: 'Dina Deltaker', role: 'deltaker', stilling: 'assistent' },
  { email: 'kursleder@demo.tettpa.no', name: 'Kari Kursleder', role: 'kursleder', stilling: 'pedagog' },
  { email: 'styrer@demo.tettpa.no', name: 'Sverre Styrer', role: 'styrer', stilling: 'styrer' },
  { email: 'admin@demo.tettpa.no', name: 'Anne Admin', role: 'admin', stilling: 'annet' },
];

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
  for (const user of DEMO_USERS) {
    if (await findOne(pb, 'users', 'email = {:email}', { email: user.email })) continue;
    await pb.collection('users').create({
      ...user,
      barnehage: barnehage.id,
      password: DEMO_PASSWORD,
      passwordConfirm: DEMO_PASSWORD,
      verified: true,
      emailVisibility: false,
    });
    created.push(user.email);
  }
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
