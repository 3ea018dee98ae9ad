// Starts a throwaway PocketBase (temp data dir, free port) for a test run and removes it after. Its
// mail goes to a Mailpit of its own (a real SMTP server), which the tests read through its API.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pocketbaseBinary } from '../../scripts/lib/pocketbase-binary.mjs';
import { mailpitBinary, startMailpit } from '../../scripts/lib/mailpit.mjs';
import { freePort, startPocketBase } from '../../scripts/lib/server.mjs';
import { createStartupHelper, ensureSuperuser, removeStartupHelper } from '../../scripts/lib/superuser.mjs';

export const TEST_ADMIN = { email: 'superbruker@test.tettpa.no', password: 'test-superbruker-passord' };

export interface TestServer {
  url: string;
  dataDir: string;
  /** Mailpit's web UI and API, where every mail this server sends arrives. */
  mailpitUrl: string;
  stop(): Promise<void>;
  restart(): Promise<TestServer>;
}

interface Mailpit {
  url: string;
  smtp: { host: string; port: number };
  stop(): Promise<void>;
}

/** `env` is added to this process's environment for the server (for example OIDC or SMTP settings). */
export async function startTestServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<TestServer> {
  return start(options, null);
}

async function start(options: { dataDir?: string; port?: number; env?: Record<string, string> }, running: Mailpit | null): Promise<TestServer> {
  const binary: string = pocketbaseBinary({ log: () => {} });
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'tettpa-test-'));
  // As `npm start` does: TEST_ADMIN is created when the server has no superuser, and a restart
  // keeps whatever password it has by then.
  const helper = createStartupHelper(binary, dataDir);
  const port: number = options.port ?? (await freePort());
  const mailpit: Mailpit =
    running ?? (await startMailpit({ binary: mailpitBinary({ log: () => {} }), httpPort: await freePort(), smtpPort: await freePort() }));
  const env = {
    ...process.env,
    TETTPA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TETTPA_MAIL_FROM: 'tett-pa-laering@test.tettpa.no',
    SMTP_HOST: mailpit.smtp.host,
    SMTP_PORT: String(mailpit.smtp.port),
    SMTP_TLS: 'false',
    ...options.env,
  };
  const server = await startPocketBase({ binary, dataDir, port, quiet: true, env });
  await ensureSuperuser(server.url, helper, TEST_ADMIN.email, TEST_ADMIN.password);
  await removeStartupHelper(server.url, helper);
  return {
    url: server.url,
    dataDir,
    mailpitUrl: mailpit.url,
    stop: async () => {
      await server.stop();
      await mailpit.stop();
    },
    // The same Mailpit lives on across a restart, so mail sent before it can still be read.
    restart: async () => {
      await server.stop();
      return start({ dataDir, port, env: options.env }, mailpit);
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
