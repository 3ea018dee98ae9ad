// The operator sets mail, links and the proxy header in the environment; the server copies them
// into PocketBase's settings at every start, so what the README says is what the server does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superuser } from '../support/accounts';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { TETTPA_TRUSTED_PROXY_HEADER: 'X-Real-IP', TETTPA_MAIL_FROM: 'ikke-svar@baerum.test' } });
});

afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

async function settings() {
  const root = await superuser(server.url);
  return root.settings.getAll();
}

describe('settings from the environment', () => {
  it('sends mail through the SMTP server and sender the environment names, with links to the public address', async () => {
    const s = await settings();
    expect(s.smtp.enabled).toBe(true);
    expect(s.smtp.host).toBe('127.0.0.1');
    expect(s.meta.senderAddress).toBe('ikke-svar@baerum.test');
    expect(s.meta.appName).toBe('Tett på læring');
    expect(s.meta.appURL).toBe(server.url);
  });

  it('trusts only the proxy header the operator names, and its rightmost address', async () => {
    const s = await settings();
    expect(s.trustedProxy).toEqual({ headers: ['X-Real-IP'], useLeftmostIP: false });
  });

  it('puts the environment back at the next start, over a change made in the admin UI', async () => {
    const root = await superuser(server.url);
    await root.settings.update({ meta: { ...(await root.settings.getAll()).meta, senderAddress: 'endret@baerum.test' } });
    server = await server.restart();
    expect((await settings()).meta.senderAddress).toBe('ikke-svar@baerum.test');
  });
});
