// Starts the platform as `npm start` does (built site, migrations, demo seed) on a throwaway
// data dir and a free port; the URL reaches the tests through the environment.
import type { FullConfig } from '@playwright/test';
import { removeDataDir, startTestServer, TEST_ADMIN } from '../support/test-server';
// @ts-expect-error: plain ESM script without type declarations
import { seedDemo } from '../../scripts/lib/seed-demo.mjs';

export default async function globalSetup(_config: FullConfig) {
  const server = await startTestServer();
  await seedDemo({ url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
  process.env.E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
    removeDataDir(server.dataDir);
  };
}
