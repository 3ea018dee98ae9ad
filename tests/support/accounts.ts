// Makes kindergartens and users through the API as the superuser, each with a unique address,
// so that test files never share (or trip over) each other's data.
import PocketBase from 'pocketbase';
import { randomUUID } from 'node:crypto';
import { TEST_ADMIN } from './test-server';

export const PASSWORD = 'test-passord-123';
export type Role = 'deltaker' | 'kursleder' | 'styrer' | 'admin';

export async function superuser(url: string): Promise<PocketBase> {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
  return pb;
}

export async function createBarnehage(admin: PocketBase, name = `Testbarnehage ${randomUUID().slice(0, 8)}`) {
  return admin.collection('barnehager').create({ name, pulje: 2, eierform: 'kommunal' });
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** A client logged in as this user. */
  pb: PocketBase;
}

export async function createUser(admin: PocketBase, role: Role, barnehage: string, name = `Test ${role}`): Promise<TestUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.tettpa.no`;
  const record = await admin.collection('users').create({
    email,
    name,
    role,
    barnehage,
    stilling: role === 'styrer' ? 'styrer' : 'pedagog',
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    verified: true,
  });
  const pb = new PocketBase(admin.baseURL);
  pb.autoCancellation(false);
  await pb.collection('users').authWithPassword(email, PASSWORD);
  return { id: record.id, email, name, role, pb };
}

/** Status of a failed SDK call, or 'ok' when it did not fail. */
export async function statusOf(call: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return (error as { status: number }).status;
  }
}
