// `node bench/page-weights.mjs`: the JS weight of the measured pages (bench/lib/pages.mjs) against
// their limits, quickly. Builds nothing: it serves the dist/ that is there (run `npx astro build`
// first) from a throwaway data dir, measures each page 3× (RUNS=n to change) and prints a table.
// FILES=1 also lists each page's scripts; ONLY=name measures the pages whose name contains it;
// DIST=path serves another build (an older commit's, to compare).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { pocketbaseBinary } from '../scripts/lib/pocketbase-binary.mjs';
import { freePort, startPocketBase, upsertSuperuser } from '../scripts/lib/server.mjs';
import { seedVignettes } from '../scripts/lib/seed-vignettes.mjs';
import { readVignettes } from '../scripts/lib/vignette-files.mjs';
import { measurePage } from './lib/page-weight.mjs';
import { measuredPages, verdict, logInThroughForm } from './lib/pages.mjs';
import { learners, superuser, BENCH_PASSWORD } from './lib/accounts.mjs';
import { spread } from './lib/stats.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const ADMIN = { email: 'bench@tettpa.no', password: 'bench-superbruker-123' };
const log = (message) => console.error(`[sidevekt] ${message}`);
const kb = (bytes) => (bytes / 1024).toFixed(1);

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-pageweight-'));
  const binary = pocketbaseBinary({ log });
  upsertSuperuser(binary, dataDir, ADMIN.email, ADMIN.password);
  const server = await startPocketBase({ binary, dataDir, port: await freePort(), quiet: true, ...(process.env.DIST ? { publicDir: path.resolve(process.env.DIST) } : {}) });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  try {
    const url = server.url;
    const vignettes = readVignettes();
    await seedVignettes({ url, adminEmail: ADMIN.email, adminPassword: ADMIN.password, vignettes });
    const admin = await superuser(url, ADMIN.email, ADMIN.password);
    const [visitor] = await learners(admin, 1, 'sidevekt');
    const email = (await admin.collection('users').getOne(visitor.id)).email;
    const logIn = logInThroughForm(url, email, BENCH_PASSWORD);
    const rows = [];
    const pages = measuredPages(vignettes.find((v) => v.kind === 'short').slug).filter((p) => !process.env.ONLY || p.name.includes(process.env.ONLY));
    for (const page of pages) {
      const visits = [];
      for (let i = 0; i < RUNS; i++) visits.push(await measurePage(browser, `${url}${page.path}`, page.loggedIn ? logIn : undefined));
      const js = spread(visits.map((v) => v.js.wire));
      rows.push({ page, js, raw: spread(visits.map((v) => v.js.raw)).median, requests: visits.at(-1).requests });
      log(`${page.name}: ${kb(js.median)} KB`);
      // FILES=1 lists the JS of the last visit, largest first.
      if (process.env.FILES) for (const f of visits.at(-1).files.filter((x) => x.kind === 'js').sort((a, b) => b.wire - a.wire)) log(`  ${kb(f.wire)} ${f.url}`);
    }
    console.log('| side | sti | innlogget | JS KB (wire) | spenn | JS KB (dekodet) | grense KB | | forespørsler |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const { page, js, raw, requests } of rows) {
      console.log(`| ${page.name} | \`${page.path}\` | ${page.loggedIn ? 'ja' : 'nei'} | ${kb(js.median)} | ${kb(js.min)}–${kb(js.max)} | ${kb(raw)} | ${kb(page.jsLimitBytes)} | ${verdict(page, js.median)} | ${requests} |`);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
