// The whole country on one machine: the national data set (national-dataset.mjs) under our real
// server, and what its users feel. Every figure is the median of `runs` runs with its spread.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { pocketbaseBinary } from '../../scripts/lib/pocketbase-binary.mjs';
import { freePort, startPocketBase } from '../../scripts/lib/server.mjs';
import { readVignettes } from '../../scripts/lib/vignette-files.mjs';
import { buildNationalDataset, NATIONAL_PASSWORD } from './national-dataset.mjs';
import { PEAK } from './load.mjs';
import { openLoop } from './open-loop.mjs';
import { spread } from './stats.mjs';

// Bærum's peak hour, the same rates (and assumptions) as the open-loop section of the bench.
export const BAERUM_PEAK = { commitsPerSecond: PEAK.progress.rate, practicePerSecond: PEAK.practice.rate };
const FACTOR = 10;

function dirBytes(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const s = statSync(full);
    bytes += s.isDirectory() ? dirBytes(full) : s.size;
  }
  return bytes;
}

/** The server's resident memory now and at its highest, in MB (Linux /proc). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+) kB`))?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function login(url, email) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  const auth = await pb.collection('users').authWithPassword(email, NATIONAL_PASSWORD);
  return { pb, id: auth.record.id, token: pb.authStore.token, record: auth.record };
}

/** GET (or what `init` says) with the caller's token; the time until the whole body is read. */
async function timedFetch(url, token, init = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, headers: { Authorization: token, ...(init.headers ?? {}) } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} svarte ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return { ms, bytes: body.byteLength, body };
}

/** `runs` timings of `fn` (after one untimed warm-up call, which is reported apart as `first`). */
async function repeat(runs, fn) {
  const first = await fn();
  const times = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    last = await fn();
    times.push(last.ms);
  }
  return { ms: spread(times, 1), firstMs: Number(first.ms.toFixed(1)), bytes: last.bytes };
}

const list = (url, filter = '', sort = '', perPage = 30, skipTotal = false) => {
  const q = new URLSearchParams({ page: '1', perPage: String(perPage) });
  if (filter) q.set('filter', filter);
  if (sort) q.set('sort', sort);
  if (skipTotal) q.set('skipTotal', '1');
  return `${url}/api/collections/progress/records?${q}`;
};

/**
 * Builds the data set into `dataDir` (unless `build` is false: then it is there already), starts
 * the server on it and measures. Returns a plain object for report.json and renderNational().
 */
export async function measureNational({ log = () => {}, runs = 3, dataDir, build = true, seconds = 10, dataset = {} }) {
  const out = { runs, peak: BAERUM_PEAK, factor: FACTOR, cores: os.cpus().length };
  if (build) {
    log('nasjonalt datasett: bygger');
    out.dataset = await buildNationalDataset({ dataDir, log, ...dataset });
    log(`nasjonalt datasett: ${out.dataset.seconds.total} s`);
  } else {
    out.dataset = JSON.parse(readFileSync(path.join(dataDir, 'national.json'), 'utf8'));
  }
  const { accounts } = out.dataset;
  out.dataDirMb = Math.round(dirBytes(dataDir) / 2 ** 20);
  const binary = pocketbaseBinary({ log });
  const server = await startPocketBase({ binary, dataDir, port: await freePort(), quiet: true, timeoutMs: 120_000 });
  try {
    const url = server.url;
    out.memoryAtStart = memoryOf(server.child.pid);
    const styrer = await login(url, accounts.styrer.email);
    const deltaker = await login(url, accounts.deltaker.email);
    const admin = await login(url, accounts.admin.email);
    const kursleder = await login(url, accounts.kursleder.email);
    const month = new Date().toISOString().slice(0, 7);

    log('nasjonalt: rapporter');
    out.reports = {
      'styrer: ansatte og kurs (/leder/)': await repeat(runs, () => timedFetch(`${url}/api/tettpa/reports/staff`, styrer.token)),
      'styrer: avdelingenes måned (/leder/)': await repeat(runs, () => timedFetch(`${url}/api/tettpa/reports/avdelinger?month=${month}`, styrer.token)),
      'styrer: fremdrift som CSV': await repeat(runs, () => timedFetch(`${url}/api/tettpa/reports/progress.csv`, styrer.token)),
      'admin: fullføring i alle barnehager (/admin/)': await repeat(runs, () => timedFetch(`${url}/api/tettpa/reports/completion`, admin.token)),
    };

    log('nasjonalt: Min side');
    const me = deltaker;
    const minSide = () => [
      timedFetch(`${url}/api/collections/users/records/${me.id}?fields=id,name,role,certified_until`, me.token),
      timedFetch(list(url, `user = "${me.id}"`, '-updated', 1000, true), me.token),
      timedFetch(`${url}/api/collections/reliability_checks/records?page=1&perPage=1000&skipTotal=1&filter=${encodeURIComponent(`user = "${me.id}"`)}&sort=-created&fields=id,created,ageGroup,cycles,submitted,complete,passed`, me.token),
      timedFetch(`${url}/api/tettpa/scorm/packages?alle=1`, me.token),
      timedFetch(`${url}/api/collections/users/records/${me.id}?fields=id,name,avdeling`, me.token),
    ];
    out.minSide = {
      'alle kallene samtidig (som siden)': await repeat(runs, async () => {
        const t0 = performance.now();
        const answers = await Promise.all(minSide());
        return { ms: performance.now() - t0, bytes: answers.reduce((n, a) => n + a.bytes, 0) };
      }),
      'egen fremdrift (filter user, -updated)': await repeat(runs, () => minSide()[1]),
      'øvingsstatistikk (/api/tettpa/me/stats)': await repeat(runs, () => timedFetch(`${url}/api/tettpa/me/stats`, me.token)),
    };

    log('nasjonalt: progress-lister');
    const someone = accounts.deltaker.id;
    out.progressLists = {
      'deltaker, uten filter': await repeat(runs, () => timedFetch(list(url), deltaker.token)),
      'deltaker, filter user (som klienten)': await repeat(runs, () => timedFetch(list(url, `user = "${deltaker.id}"`, '-updated', 1000, true), deltaker.token)),
      'deltaker, én leksjon (som leksjonssiden)': await repeat(runs, () => timedFetch(list(url, `user = "${deltaker.id}" && course = "nyansatt" && lesson = "hva-er-tett-pa"`, '', 1), deltaker.token)),
      'deltaker, filter status, sortert -updated': await repeat(runs, () => timedFetch(list(url, 'status = "completed"', '-updated'), deltaker.token)),
      'styrer, uten filter': await repeat(runs, () => timedFetch(list(url), styrer.token)),
      'styrer, filter course, sortert -updated': await repeat(runs, () => timedFetch(list(url, 'course = "nyansatt"', '-updated'), styrer.token)),
      'styrer, annen barnehages bruker': await repeat(runs, () => timedFetch(list(url, `user = "${someone}"`), styrer.token)),
      'kursleder, filter course': await repeat(runs, () => timedFetch(list(url, 'course = "assistentkurs"'), kursleder.token)),
      'admin, uten filter, uten totalt antall (skipTotal)': await repeat(runs, () => timedFetch(list(url, '', '', 30, true), admin.token)),
      'admin, én barnehage': await repeat(runs, () => timedFetch(list(url, `barnehage = "${accounts.styrer.barnehage}"`), admin.token)),
      'admin, uten filter': await repeat(runs, () => timedFetch(list(url), admin.token)),
    };
    if (accounts.kursleder.cohort) {
      out.reports['kursleder: kursgruppens fremdrift (/kursleder/)'] = await repeat(runs, () => timedFetch(`${url}/api/tettpa/cohorts/${accounts.kursleder.cohort}/progress`, kursleder.token));
    }
    const users = (filter) => `${url}/api/collections/users/records?page=1&perPage=30${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`;
    out.userLists = {
      'deltaker, uten filter': await repeat(runs, () => timedFetch(users(''), deltaker.token)),
      'styrer, filter barnehage (som avdelingssiden)': await repeat(runs, () => timedFetch(`${users(`barnehage = "${accounts.styrer.barnehage}"`)}&sort=name&fields=id,name,avdeling,stilling,role`, styrer.token)),
      'styrer, uten filter': await repeat(runs, () => timedFetch(users(''), styrer.token)),
    };

    log('nasjonalt: åpen last');
    // Learners with the lesson row their commits update (each one's unfinished lesson).
    const learnerEmails = accounts.learners ?? [];
    const learners = [];
    for (const email of learnerEmails) {
      const l = await login(url, email);
      const rows = await l.pb.collection('progress').getList(1, 1, { filter: l.pb.filter('user = {:u}', { u: l.id }), sort: '-updated', skipTotal: true });
      if (rows.items[0]) learners.push({ token: l.token, row: rows.items[0].id });
    }
    if (learners.length === 0) throw new Error('Fant ingen deltakere med fremdrift å sende commits for.');
    const short = readVignettes().filter((v) => v.kind === 'short');
    const commitRate = BAERUM_PEAK.commitsPerSecond * FACTOR;
    const practiceRate = BAERUM_PEAK.practicePerSecond * FACTOR;
    const commit = (n) => {
      const l = learners[n % learners.length];
      return { method: 'PATCH', path: `/api/collections/progress/records/${l.row}`, headers: { authorization: l.token }, body: { location: `avsnitt-${n % 7}`, time_seconds: 600 + (n % 300), status: 'incomplete' } };
    };
    const attempt = (n) => {
      const l = learners[n % learners.length];
      const v = short[n % short.length];
      return { method: 'POST', path: '/api/tettpa/attempts', headers: { authorization: l.token }, body: { vignette: v.slug, scores: Object.fromEntries(v.dimensions.map((d, i) => [d, 1 + ((n + i) % 7)])) } };
    };
    const loads = { commits: [], practice: [] };
    // The server's own CPU time per request (/proc/<pid>/stat): what a request costs whatever else
    // the machine is doing, so what one machine's cores can carry follows from it.
    const cpuMs = () => {
      const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
    };
    const measured = async (options) => {
      const before = cpuMs();
      const result = await openLoop(options);
      return { ...result, cpuMsPerRequest: (cpuMs() - before) / Math.max(1, result.requests) };
    };
    for (let r = 0; r < runs; r++) {
      loads.commits.push(await measured({ url, rate: commitRate, seconds, requests: commit }));
      loads.practice.push(await measured({ url, rate: practiceRate, seconds, requests: attempt }));
    }
    const summarise = (results, rate) => ({
      rate,
      seconds,
      achievedRps: spread(results.map((x) => x.achievedRps), 1),
      p50: spread(results.map((x) => x.p50), 1),
      p95: spread(results.map((x) => x.p95), 1),
      p99: spread(results.map((x) => x.p99), 1),
      cpuMsPerRequest: spread(results.map((x) => x.cpuMsPerRequest), 2),
      errors: results.reduce((n, x) => n + x.errors + x.non2xx, 0),
      requests: results.reduce((n, x) => n + x.requests, 0),
    });
    out.openLoop = {
      [`progress commits, ${FACTOR}× Bærums topp`]: summarise(loads.commits, commitRate),
      [`øvingskoding, ${FACTOR}× Bærums topp`]: summarise(loads.practice, practiceRate),
    };
    out.learnersInLoad = learners.length;
    out.memoryAfter = memoryOf(server.child.pid);
  } finally {
    await server.stop();
  }
  out.dataDirMbAfter = Math.round(dirBytes(dataDir) / 2 ** 20);
  return out;
}
