// `npm run bench`: builds and starts the platform on a throwaway data dir, measures what it costs
// a user, and writes bench/REPORT.md and bench/report.json. Timing never fails anything: it is
// reported. BENCH_QUICK=1 runs fewer repetitions (for a smoke run).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { fromRoot, root } from '../scripts/lib/paths.mjs';
import { pocketbaseBinary } from '../scripts/lib/pocketbase-binary.mjs';
import { buildSite } from '../scripts/lib/site-build.mjs';
import { freePort, startPocketBase, upsertSuperuser } from '../scripts/lib/server.mjs';
import { seedVignettes } from '../scripts/lib/seed-vignettes.mjs';
import { readVignettes } from '../scripts/lib/vignette-files.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measurePage } from './lib/page-weight.mjs';
import { lighthouse } from './lib/lighthouse.mjs';
import { learners, superuser, BENCH_PASSWORD } from './lib/accounts.mjs';
import { runLoad } from './lib/load.mjs';
import { realtimeLatency } from './lib/realtime.mjs';
import { measureScale } from './lib/scale.mjs';
import { measureStaffImport } from './lib/staff-import.mjs';
import { median, spread } from './lib/stats.mjs';
import { renderReport } from './lib/report.mjs';

const quick = process.env.BENCH_QUICK === '1';
const RUNS = quick ? 1 : 3;
const ADMIN = { email: 'bench@tettpa.no', password: 'bench-superbruker-123' };
const log = (message) => console.log(`[bench] ${message}`);

async function main() {
  const tmp = fromRoot('bench', 'tmp');
  mkdirSync(tmp, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-bench-'));
  const binary = pocketbaseBinary({ log });
  log('bygger nettstedet');
  buildSite({ log });
  upsertSuperuser(binary, dataDir, ADMIN.email, ADMIN.password);
  const server = await startPocketBase({ binary, dataDir, port: await freePort(), quiet: true });
  const report = { machine: describeMachine(), runs: RUNS };
  try {
    const url = server.url;
    const vignettes = readVignettes();
    await seedVignettes({ url, adminEmail: ADMIN.email, adminPassword: ADMIN.password, vignettes });
    const admin = await superuser(url, ADMIN.email, ADMIN.password);
    const short = vignettes.find((v) => v.kind === 'short');
    const shortScores = Object.fromEntries(short.dimensions.map((d) => [d, 4]));
    const [visitor] = await learners(admin, 1, 'besok');
    const visitorEmail = (await admin.collection('users').getOne(visitor.id)).email;

    const pages = {
      forside: '/',
      kurs: '/kurs/nyansatt/',
      leksjon: '/kurs/nyansatt/hva-er-tett-pa/',
      koding: `/koding/${short.slug}/`,
      'min side': '/min-side/',
    };
    const loggedInPages = new Set(['koding', 'min side']);

    log('sidevekt');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
    const logIn = async (page) => {
      await page.goto(`${url}/logg-inn/`);
      await page.getByLabel('E-postadresse').fill(visitorEmail);
      await page.getByLabel('Passord').fill(BENCH_PASSWORD);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.waitForURL(`${url}/min-side/`);
    };
    report.pageWeight = {};
    for (const [name, pagePath] of Object.entries(pages)) {
      const visits = [];
      const loggedIn = loggedInPages.has(name);
      for (let i = 0; i < RUNS; i++) visits.push(await measurePage(browser, `${url}${pagePath}`, loggedIn ? logIn : undefined));
      report.pageWeight[name] = { path: pagePath, loggedIn, ...visits.at(-1), requestsSpread: spread(visits.map((v) => v.requests)) };
    }
    await browser.close();

    log('lighthouse');
    report.lighthouse = {};
    for (const [name, pagePath] of Object.entries(pages)) {
      const results = [];
      for (let i = 0; i < RUNS; i++) results.push(lighthouse(root, `${url}${pagePath}`, tmp));
      const pick = (key, digits = 0) => spread(results.map((r) => r[key]), digits);
      report.lighthouse[name] = {
        path: pagePath,
        performance: pick('performance'),
        accessibility: pick('accessibility'),
        bestPractices: pick('bestPractices'),
        seo: pick('seo'),
        lcpMs: pick('lcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls', 3),
      };
    }

    log('server under last');
    report.server = {};
    for (const count of [25, 200]) {
      // Each learner with the progress row its commits update.
      const people = await Promise.all(
        (await learners(admin, count, `last${count}`)).map(async (p) => ({
          ...p,
          row: await p.pb.collection('progress').create({ user: p.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'incomplete' }),
        })),
      );
      const perLearner = count === 25 ? 20 : 5;
      const commitRuns = [];
      const practiceRuns = [];
      for (let r = 0; r < RUNS; r++) {
        commitRuns.push(
          await runLoad(people, perLearner, (p, i) => ({
            url: `${url}/api/collections/progress/records/${p.row.id}`,
            init: { method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: p.token }, body: JSON.stringify({ location: `avsnitt-${i}`, time_seconds: i * 10, status: 'incomplete' }) },
          })),
        );
        practiceRuns.push(
          await runLoad(people, perLearner, (p) => ({
            url: `${url}/api/tettpa/attempts`,
            init: { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: p.token }, body: JSON.stringify({ vignette: short.slug, scores: shortScores }) },
          })),
        );
      }
      const summarize = (runs) => ({ ...runs[Math.floor(runs.length / 2)], rpsSpread: spread(runs.map((x) => x.rps), 1), p95Spread: spread(runs.map((x) => x.p95), 1), errorsTotal: runs.reduce((n, x) => n + x.errors, 0) });
      report.server[`progress commits, ${count} samtidige`] = summarize(commitRuns.sort((a, b) => a.rps - b.rps));
      report.server[`øvingskoding, ${count} samtidige`] = summarize(practiceRuns.sort((a, b) => a.rps - b.rps));
    }

    log('reliabilitetssjekk');
    const checkTimes = [];
    const checkPeople = await learners(admin, quick ? 2 : 5, 'sjekk');
    const cycleScores = Object.fromEntries(vignettes.find((v) => v.kind === 'cycle' && v.ageGroup === 'pre-k').dimensions.map((d) => [d, 4]));
    for (const p of checkPeople) {
      const start = await (await fetch(`${url}/api/tettpa/checks`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: p.token }, body: JSON.stringify({ ageGroup: 'pre-k' }) })).json();
      for (const [i, slug] of start.cycles.entries()) {
        const t0 = performance.now();
        await fetch(`${url}/api/tettpa/checks/${start.id}/cycles/${slug}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: p.token }, body: JSON.stringify({ scores: cycleScores }) });
        if (i === start.cycles.length - 1) {
          const res = await fetch(`${url}/api/tettpa/checks/${start.id}`, { headers: { Authorization: p.token } });
          await res.json();
          checkTimes.push(performance.now() - t0);
        }
      }
    }
    report.reliabilityCheck = { ...spread(checkTimes, 1), unit: 'ms fra femte syklus sendes til resultatet er lest' };

    log('sanntid');
    const [kursleder] = await learners(admin, 1, 'leder', 'kursleder');
    const room = await learners(admin, 25, 'rom');
    report.realtime = await realtimeLatency(url, kursleder, room, short.slug, shortScores, RUNS);

    log('import av ansatte');
    report.staffImport = await measureStaffImport(url, admin.authStore.token, RUNS);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  log('skala: bygg av ekte innhold og 10× syntetisk innhold');
  const scale = measureScale(root, RUNS);
  report.scale = Object.fromEntries(
    Object.entries(scale).map(([label, builds]) => [
      label,
      { seconds: spread(builds.map((b) => b.seconds), 1), pages: builds[0].pages, megabytes: Number((median(builds.map((b) => b.bytes)) / 2 ** 20).toFixed(2)), files: builds[0].files },
    ]),
  );

  writeFileSync(fromRoot('bench', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(fromRoot('bench', 'REPORT.md'), renderReport(report));
  log('skrev bench/REPORT.md og bench/report.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
