// The demo learner's completed lesson survives a restart of the server.
import { test, expect, logIn } from './fixtures';
import { removeDataDir, startTestServer, TEST_ADMIN } from '../support/test-server';
import { seedDemo } from '../../scripts/lib/seed-demo.mjs';
import { DEMO_PASSWORD } from '../../scripts/lib/config.mjs';

test('a demo learner completes the lesson and still sees it on Min side after a restart', async ({ page }) => {
  let server = await startTestServer();
  try {
    const seed = () => seedDemo({ url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
    await seed();
    await logIn(page, 'deltaker@demo.tettpa.no', { next: '/kurs/nyansatt/hva-er-tett-pa/', url: server.url, password: DEMO_PASSWORD });
    await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
    await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();

    server = await server.restart();
    await seed();
    await page.goto(`${server.url}/min-side/`);
    await expect(page.getByTestId('progress-nyansatt-hva-er-tett-pa')).toContainText('Fullført');
  } finally {
    await server.stop();
    removeDataDir(server.dataDir);
  }
});

test('a server restart mid-course loses nothing: the completion waits and is sent when the server is back', async ({ page }) => {
  let server = await startTestServer();
  try {
    const admin = { url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password };
    await seedDemo(admin);
    await logIn(page, 'deltaker@demo.tettpa.no', { next: '/kurs/nyansatt/hva-er-tett-pa/', url: server.url, password: DEMO_PASSWORD });
    await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();

    const port = Number(new URL(server.url).port);
    await server.stop();
    await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
    await expect(page.getByText('Fremdriften er ikke sendt ennå')).toBeVisible();

    server = await startTestServer({ dataDir: server.dataDir, port });
    // The page retries on its own every ten seconds.
    await expect(page.getByText('Fremdriften er lagret.')).toBeVisible({ timeout: 25_000 });
    await page.goto(`${server.url}/min-side/`);
    await expect(page.getByTestId('progress-nyansatt-hva-er-tett-pa')).toContainText('Fullført');
  } finally {
    await server.stop();
    removeDataDir(server.dataDir);
  }
});
