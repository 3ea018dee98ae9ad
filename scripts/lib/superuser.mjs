// The superuser of PocketBase's admin UI (/_/). It is created from the settings only when the
// server has no superuser at all, so a password or an address that an operator changes in the admin
// UI survives every restart, and a changed address never brings back one with the README's password.
//
// The start scripts need a superuser themselves (to see whether one exists, and to seed): for that
// they make a helper with a random password that is never shown, and remove it when they are done.
import { randomBytes } from 'node:crypto';
import PocketBase from 'pocketbase';
import { upsertSuperuser } from './server.mjs';

const HELPER_EMAIL = 'oppstart@tettpa.invalid';

/** Before the server starts: the helper superuser, with a fresh random password. */
export function createStartupHelper(binary, dataDir) {
  const helper = { adminEmail: HELPER_EMAIL, adminPassword: randomBytes(24).toString('hex') };
  upsertSuperuser(binary, dataDir, helper.adminEmail, helper.adminPassword);
  return helper;
}

async function signIn(url, helper) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(helper.adminEmail, helper.adminPassword);
  return pb;
}

/** Creates the configured superuser when no other superuser exists. Returns whether it did. */
export async function ensureSuperuser(url, helper, email, password) {
  const pb = await signIn(url, helper);
  const others = await pb.collection('_superusers').getList(1, 1, { filter: pb.filter('email != {:helper}', { helper: HELPER_EMAIL }) });
  if (others.totalItems > 0) return false;
  await pb.collection('_superusers').create({ email, password, passwordConfirm: password });
  return true;
}

/** Removes the helper once the start script is done with it. */
export async function removeStartupHelper(url, helper) {
  const pb = await signIn(url, helper);
  await pb.collection('_superusers').delete(pb.authStore.record.id);
}
