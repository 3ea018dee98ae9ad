// Starts a throwaway PocketBase (temp data dir, free port) for a test run and removes it after.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pocketbaseBinary } from '../../scripts/lib/pocketbase-binary.mjs';
import { freePort, startPocketBase } from '../../scripts/lib/server.mjs';
import { createStartupHelper, ensureSuperuser, removeStartupHelper } from '../../scripts/lib/superuser.mjs';

export const TEST_ADMIN = { email: 'superbruker@test.tettpa.no', password: 'test-superbruker-passord' };

export interface TestServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  restart(): Promise<TestServer>;
}

/** `env` is added to this process's environment for the server (for example OIDC or SMTP settings). */
export async function startTestServer(options: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<TestServer> {
  const binary: string = pocketbaseBinary({ log: () => {} });
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'tettpa-test-'));
  // As `npm start` does: TEST_ADMIN is created when the server has no superuser, and a restart
  // keeps whatever password it has by then.
  const helper = createStartupHelper(binary, dataDir);
  const port: number = options.port ?? (await freePort());
  const server = await startPocketBase({ binary, dataDir, port, quiet: true, env: { ...process.env, ...options.env } });
  await ensureSuperuser(server.url, helper, TEST_ADMIN.email, TEST_ADMIN.password);
  await removeStartupHelper(server.url, helper);
  return {
    url: server.url,
    dataDir,
    stop: async () => {
      await server.stop();
    },
    restart: async () => {
      await server.stop();
      return startTestServer({ dataDir, port, env: options.env });
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
