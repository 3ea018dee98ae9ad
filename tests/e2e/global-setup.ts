// Starts the platform as `npm start` does (built site, migrations, demo seed) on a throwaway
// data dir and a free port; the URL reaches the tests through the environment.
import type { FullConfig } from '@playwright/test';
import { removeDataDir, startTestServer, TEST_ADMIN } from '../support/test-server';
import { seedDemo } from '../../scripts/lib/seed-demo.mjs';
import { seedVignettes } from '../../scripts/lib/seed-vignettes.mjs';

export default async function globalSetup(_config: FullConfig) {
  const server = await startTestServer();
  const admin = { url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password };
  await seedVignettes(admin);
  await seedDemo(admin);
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_MAILPIT_URL = server.mailpitUrl;
  return async () => {
    await server.stop();
    removeDataDir(server.dataDir);
  };
}
