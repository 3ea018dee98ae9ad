// `npm run bench`: builds and starts the platform on a throwaway data dir, measures what it costs
// a user, and writes bench/REPORT.md and bench/report.json. Timing never fails anything: it is
// reported. BENCH_QUICK=1 runs fewer repetitions (for a smoke run).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
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
import { measuredPages } from './lib/pages.mjs';
import { lighthouse } from './lib/lighthouse.mjs';
import { learners, superuser, BENCH_PASSWORD } from './lib/accounts.mjs';
import { PEAK, createPlainCollection, measureOpenLoop, measureSaturation, prepareBaerum } from './lib/load.mjs';
import { realtimeLatency } from './lib/realtime.mjs';
import { measureScale } from './lib/scale.mjs';
import { measureStaffImport } from './lib/staff-import.mjs';
import { median, spread } from './lib/stats.mjs';
import { renderReport } from './lib/report.mjs';
import { measureNational } from './lib/national.mjs';
import { renderNational } from './lib/national-report.mjs';

const quick = process.env.BENCH_QUICK === '1';
const RUNS = quick ? 1 : 3;
const ADMIN = { email: 'bench@tettpa.no', password: 'bench-superbruker-123' };
const log = (message) => console.log(`[bench] ${message}`);

/**
 * The previous report, which this one compares with: the committed bench/report.json (so a smoke
 * run left uncommitted does not become the baseline), or the file itself outside git.
 */
function previousReport() {
  try {
    return JSON.parse(execFileSync('git', ['show', 'HEAD:bench/report.json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    try {
      return JSON.parse(readFileSync(fromRoot('bench', 'report.json'), 'utf8'));
    } catch {
      return null;
    }
  }
}

async function main() {
  const previous = previousReport();
  const tmp = fromRoot('bench', 'tmp');
  mkdirSync(tmp, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-bench-'));
  const binary = pocketbaseBinary({ log });
  log('bygger nettstedet');
  buildSite({ log });
  upsertSuperuser(binary, dataDir, ADMIN.email, ADMIN.password);
  const server = await startPocketBase({ binary, dataDir, port: await freePort(), quiet: true });
  const report = { machine: describeMachine(), runs: RUNS, quick };
  try {
    const url = server.url;
    const vignettes = readVignettes();
    await seedVignettes({ url, adminEmail: ADMIN.email, adminPassword: ADMIN.password, vignettes });
    const admin = await superuser(url, ADMIN.email, ADMIN.password);
    const short = vignettes.find((v) => v.kind === 'short');
    const shortScores = Object.fromEntries(short.dimensions.map((d) => [d, 4]));
    const [visitor] = await learners(admin, 1, 'besok');
    const visitorEmail = (await admin.collection('users').getOne(visitor.id)).email;

    // The measured pages, each {name, path, loggedIn, jsLimitBytes}: the limit (JS over the wire)
    // shows in the report beside the page's weight.
    const pages = measuredPages(short.slug);

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
    for (const { name, path: pagePath, loggedIn, jsLimitBytes } of pages) {
      const visits = [];
      for (let i = 0; i < RUNS; i++) visits.push(await measurePage(browser, `${url}${pagePath}`, loggedIn ? logIn : undefined));
      // Each size as the median of the visits with its spread (bytes; the report shows kB).
      const bytes = (kind) => ({ raw: spread(visits.map((v) => v[kind].raw)), wire: spread(visits.map((v) => v[kind].wire)) });
      report.pageWeight[name] = { path: pagePath, loggedIn, jsLimitBytes, requests: spread(visits.map((v) => v.requests)), html: bytes('html'), css: bytes('css'), js: bytes('js'), api: bytes('api'), other: bytes('other') };
    }
    await browser.close();

    log('lighthouse');
    report.lighthouse = {};
    // Lighthouse starts with an empty profile (not logged in): each path once.
    const seen = new Set();
    for (const { name, path: pagePath } of pages) {
      if (seen.has(pagePath)) continue;
      seen.add(pagePath);
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

    log('last: Bærums travleste time');
    const pop = await prepareBaerum({ url, admin, staff: quick ? 400 : 2000, active: quick ? 60 : 300 });
    report.load = {
      population: { staff: pop.staff, progressRows: pop.progressRows, learners: pop.learners.length, styrere: pop.styrere.length, admins: pop.admins.length },
      peak: PEAK,
      openLoop: await measureOpenLoop({ url, serverPid: server.child.pid, pop, extras: { vignette: short.slug, scores: shortScores }, runs: RUNS, seconds: quick ? 3 : 10, log }),
    };
    const plainIds = await createPlainCollection(admin);
    report.load.saturation = await measureSaturation({ url, serverPid: server.child.pid, pop, plainIds, runs: RUNS, seconds: quick ? 3 : 10, levels: [8, 64], log });

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

  // Further sections (the national data set …): measured into `report`, rendered by functions
  // `(report, previous) => markdown` (a string or lines) listed here, e.g.
  // `extraSections.push((r, p) => renderNational(r.national, p?.national))`.
  const extraSections = [];
  log('nasjonalt datasett');
  const nationalDir = mkdtempSync(path.join(os.tmpdir(), 'tettpa-nasjonal-'));
  try {
    report.national = await measureNational({ log, runs: RUNS, dataDir: nationalDir, build: true });
  } finally {
    rmSync(nationalDir, { recursive: true, force: true });
  }
  extraSections.push((r, p) => renderNational(r.national, p?.national));

  writeFileSync(fromRoot('bench', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(fromRoot('bench', 'REPORT.md'), renderReport(report, previous, extraSections));
  log('skrev bench/REPORT.md og bench/report.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
