// The superuser of the admin UI is created from the settings only when the server has none: a
// password or address an operator changes in the admin UI survives a restart, and the start never
// brings back an account with the configured (documented) password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { removeDataDir, startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

async function signIn(email: string, password: string): Promise<PocketBase | number> {
  const pb = new PocketBase(server.url);
  try {
    await pb.collection('_superusers').authWithPassword(email, password);
    return pb;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

async function signedIn(email: string, password: string): Promise<PocketBase> {
  const pb = await signIn(email, password);
  if (typeof pb === 'number') throw new Error(`innlogging som ${email} feilet (${pb})`);
  return pb;
}

describe('the superuser across restarts', () => {
  it('is created on the first start, and the start leaves no other superuser behind', async () => {
    const pb = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const all = await pb.collection('_superusers').getFullList();
    expect(all.map((s) => s.email)).toEqual([TEST_ADMIN.email]);
  });

  it('keeps a password changed in the admin UI after a restart', async () => {
    const pb = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const changed = 'operatorens-eget-passord';
    await pb.collection('_superusers').update(pb.authStore.record!.id, { password: changed, passwordConfirm: changed });
    server = await server.restart();
    expect(await signIn(TEST_ADMIN.email, TEST_ADMIN.password)).toBe(400);
    const again = await signedIn(TEST_ADMIN.email, changed);
    expect((await again.collection('_superusers').getFullList()).map((s) => s.email)).toEqual([TEST_ADMIN.email]);
  });

  it('does not bring back the configured address and password when the operator changed the address', async () => {
    const pb = await signedIn(TEST_ADMIN.email, 'operatorens-eget-passord');
    await pb.collection('_superusers').update(pb.authStore.record!.id, { email: 'drift@test.tettpa.no' });
    server = await server.restart();
    expect(await signIn(TEST_ADMIN.email, TEST_ADMIN.password)).toBe(400);
    const operator = await signedIn('drift@test.tettpa.no', 'operatorens-eget-passord');
    expect((await operator.collection('_superusers').getFullList()).map((s) => s.email)).toEqual(['drift@test.tettpa.no']);
  });
});
