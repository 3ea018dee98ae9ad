// Bærum's peak hour as load on the real server: the people (a staff file through the real import),
// the workloads at a fixed arrival rate (open loop, see open-loop.mjs) at 1×, 10× and 50× the peak,
// and the saturation throughput of progress commits beside a plain PocketBase create.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { postStaffFile, staffFile, windows1252 } from '../../tests/support/staff-file.mjs';
import { fromRoot } from '../../scripts/lib/paths.mjs';
import { closedLoop, openLoop } from './open-loop.mjs';
import { mergeSamples, sampleMachine, waitForIdle } from './machine.mjs';
import { spread } from './stats.mjs';

/**
 * The peak rates (1×), each with the assumption behind it, in the words the report prints.
 * `learners` is how many simulated people share the load, each with their own token.
 */
export const PEAK = {
  progress: {
    label: 'fremdrift lagres',
    rate: 30,
    assumption:
      'Bærum har om lag 2 000 ansatte i barnehagene. I den travleste timen antar vi at 300 av dem er inne i en leksjon samtidig, og hver lagrer fremdrift høyst hvert 10. sekund: 300 / 10 s = 30 lagringer i sekundet.',
  },
  practice: {
    label: 'øvingskoding sendes inn',
    rate: 5,
    assumption:
      'De samme 300 sender inn en øvingskoding høyst én gang i minuttet (å lese en kort vignett og kode ti dimensjoner tar flere minutter, så dette er rundt regnet): 300 / 60 s = 5 i sekundet.',
  },
  styrerReports: {
    label: 'lederrapporter, styrer',
    rate: 4,
    assumption:
      'Alle om lag 110 styrere åpner ledersiden innen samme minutt (for eksempel på et styrermøte), og siden henter to rapporter (ansattes fremdrift og avdelingenes måned): 220 / 60 s ≈ 4 i sekundet.',
  },
  adminReports: {
    label: 'lederrapporter, Kompetanseteam',
    rate: 1,
    assumption:
      'Kompetanseteam barnehage (noen få personer) åpner admin-siden, som henter fullføring for alle barnehagene og avdelingenes måned; høyst to rapporter hvert annet sekund til sammen: 1 i sekundet. Hver av disse leser alle ansatte, så de er de tyngste spørringene.',
  },
};

export const MULTIPLES = [1, 10, 50];

/** Runs `task(item)` for every item, `width` at a time. */
async function pool(items, width, task) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i], i);
      }
    }),
  );
  return out;
}

async function ok(res, what) {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** A token for a user without their password (a superuser may impersonate): no bcrypt per person. */
async function tokenFor(url, adminToken, userId) {
  const json = await ok(
    await fetch(`${url}/api/collections/users/impersonate/${userId}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: adminToken }, body: JSON.stringify({ duration: 4 * 3600 }) }),
    'impersonate',
  );
  return json.token;
}

/**
 * Bærum's staff as the load meets them: `staff` people through the real staff import (a
 * kindergarten per 20, every 20th its styrer), some progress already kept for each, `active`
 * learners with a token and the progress row their commits update, every styrer with a token, and
 * `admins` people of the competence team.
 */
export async function prepareBaerum({ url, admin, staff, active, admins = 3 }) {
  const adminToken = admin.authStore.token;
  const prefix = `baerum${randomUUID().slice(0, 6)}`;
  const imported = await postStaffFile(url, adminToken, windows1252(staffFile({ count: staff, prefix }).text), false);
  if (imported.status !== 200 || imported.json.created !== staff) throw new Error(`staff-import for lastmodellen: ${imported.status} ${JSON.stringify(imported.json).slice(0, 300)}`);
  const people = await admin.collection('users').getFullList({ filter: admin.filter('email ~ {:p}', { p: `${prefix}.` }), fields: 'id,role,email', sort: 'email', batch: 1000 });

  // Progress already kept: person i has begun the first i % 6 lessons of the first course and
  // finished all but the last of them (so the reports have rows to count, about 2.5 a person).
  const course = JSON.parse(readFileSync(fromRoot('dist', 'kurs', 'index.json'), 'utf8')).courses[0];
  const rows = [];
  people.forEach((p, i) => {
    const begun = i % 6;
    for (let k = 0; k < begun; k++) rows.push({ user: p.id, course: course.id, lesson: course.lessons[k].id, status: k < begun - 1 ? 'completed' : 'incomplete', time_seconds: 60 * (k + 1) });
  });
  await pool(rows, 16, async (row) => ok(await fetch(`${url}/api/collections/progress/records`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: adminToken }, body: JSON.stringify(row) }), 'fremdrift'));

  // Active learners: people who have not begun the lesson their commits update (the last lesson
  // of the course), each with their own row made through their own token, as the site does.
  const lesson = course.lessons.at(-1).id;
  const deltakere = people.filter((p) => p.role !== 'styrer' && p.role !== 'admin').slice(0, active);
  if (deltakere.length < active) throw new Error(`bare ${deltakere.length} deltakere i staff-filen, trenger ${active}`);
  const learners = await pool(deltakere, 16, async (p) => {
    const token = await tokenFor(url, adminToken, p.id);
    const row = await ok(
      await fetch(`${url}/api/collections/progress/records`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: token }, body: JSON.stringify({ user: p.id, course: course.id, lesson, status: 'incomplete' }) }),
      'egen fremdriftsrad',
    );
    return { id: p.id, token, rowId: row.id };
  });
  const styrere = await pool(people.filter((p) => p.role === 'styrer'), 16, async (p) => ({ id: p.id, token: await tokenFor(url, adminToken, p.id) }));
  const kompetanse = [];
  for (let i = 0; i < admins; i++) {
    const made = await admin.collection('users').create({ email: `${prefix}.kompetanse${i}@bench.tettpa.no`, name: `Kompetanseteam ${i}`, role: 'admin', password: 'bench-passord-123', passwordConfirm: 'bench-passord-123', verified: true });
    kompetanse.push({ id: made.id, token: await tokenFor(url, adminToken, made.id) });
  }
  return { staff: people.length, progressRows: rows.length + learners.length, learners, styrere, admins: kompetanse, course: course.id, lesson };
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Each workload's n-th request: the people take turns, so each request carries the next person's token. */
export function workloads(pop, { vignette, scores }) {
  const { learners, styrere, admins } = pop;
  const month = thisMonth();
  return {
    progress: (n) => {
      const p = learners[n % learners.length];
      const i = Math.floor(n / learners.length);
      return { method: 'PATCH', path: `/api/collections/progress/records/${p.rowId}`, headers: { Authorization: p.token }, body: { location: `avsnitt-${i % 40}`, time_seconds: 10 * i, status: 'incomplete' } };
    },
    practice: (n) => ({ method: 'POST', path: '/api/tettpa/attempts', headers: { Authorization: learners[n % learners.length].token }, body: { vignette, scores } }),
    styrerReports: (n) => {
      const s = styrere[Math.floor(n / 2) % styrere.length];
      return { method: 'GET', path: n % 2 === 0 ? '/api/tettpa/reports/staff' : `/api/tettpa/reports/avdelinger?month=${month}`, headers: { Authorization: s.token } };
    },
    adminReports: (n) => {
      const a = admins[Math.floor(n / 2) % admins.length];
      return { method: 'GET', path: n % 2 === 0 ? '/api/tettpa/reports/completion' : `/api/tettpa/reports/avdelinger?month=${month}`, headers: { Authorization: a.token } };
    },
  };
}

/** Median and spread (lowest–highest) of each figure over the runs; errors summed over all runs. */
function overRuns(results) {
  const pick = (key) => spread(results.map((r) => r[key]), 1);
  const statuses = {};
  for (const r of results) for (const [code, count] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  return {
    runs: results.length,
    requestsPerRun: Math.round(results.reduce((n, r) => n + r.requests, 0) / results.length),
    achievedRps: pick('achievedRps'),
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    max: pick('max'),
    errors: results.reduce((n, r) => n + r.errors, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    statuses,
  };
}

/**
 * Lets the server finish what the last run left before the next run starts. A run past saturation
 * leaves requests queued after the load generator gave up on them, many of them waiting for
 * SQLite's one writer (asleep, so the server's CPU alone does not show them): we wait for the CPU
 * to go quiet and then until a write of one learner's own progress row answers quickly twice in a
 * row (under 100 ms; at most 90 s), since that write queues behind whatever is left.
 */
async function settle(url, serverPid, learner) {
  await waitForIdle(serverPid);
  const deadline = Date.now() + 90_000;
  let quick = 0;
  for (let i = 0; quick < 2 && Date.now() < deadline; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/collections/progress/records/${learner.rowId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: learner.token },
      body: JSON.stringify({ location: `ro-${i}`, status: 'incomplete' }),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`serveren svarer ${res.status} på en lagring av fremdrift mellom kjøringene`);
    quick = performance.now() - t0 < 100 ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Every workload at every multiple of its peak rate, `runs` times for `seconds` each, with the
 * machine sampled during each workload and multiple. Returns rows keyed `<workload> <multiple>×`.
 */
export async function measureOpenLoop({ url, serverPid, pop, extras, runs, seconds, log = () => {} }) {
  const make = workloads(pop, extras);
  const rows = {};
  for (const [key, peak] of Object.entries(PEAK)) {
    for (const multiple of MULTIPLES) {
      const rate = peak.rate * multiple;
      log(`åpen sløyfe: ${peak.label}, ${multiple}× (${rate}/s)`);
      const results = [];
      const machines = [];
      for (let r = 0; r < runs; r++) {
        await settle(url, serverPid, pop.learners[0]);
        const sampler = sampleMachine(serverPid);
        results.push(await openLoop({ url, rate, seconds, requests: make[key] }));
        machines.push(sampler.stop());
      }
      rows[`${key} ${multiple}x`] = { workload: key, label: peak.label, multiple, targetRate: rate, connections: rate, seconds, ...overRuns(results), machine: mergeSamples(machines) };
    }
  }
  return rows;
}

/**
 * A collection with one text field, open create and update rules and no hooks of ours:
 * PocketBase's own cost of a write. Returns ids of `rows` records the plain updates take turns on.
 */
export async function createPlainCollection(admin, rows = 50) {
  await admin.collections.create({ name: 'bench_plain', type: 'base', fields: [{ name: 'text', type: 'text' }], createRule: '', updateRule: '' });
  const ids = [];
  for (let i = 0; i < rows; i++) ids.push((await admin.collection('bench_plain').create({ text: `rad ${i}` })).id);
  return ids;
}

export const SATURATION_KINDS = {
  progress: 'fremdrift lagres (PATCH av egen rad)',
  plainCreate: 'ren PocketBase-oppretting (POST)',
  plainUpdate: 'ren PocketBase-oppdatering (PATCH)',
};

/**
 * Saturation throughput: closed loops (each connection sends its next request the moment the last
 * is answered) at each of `levels` connections, for progress commits, a plain create and a plain
 * update, in turns, `runs` times each. With requests always in flight the server is never idle,
 * so the rate it answers at is the most it can do at that concurrency; the best level counts
 * (more connections can also cost throughput, when requests wait on each other).
 */
export async function measureSaturation({ url, serverPid, pop, plainIds, runs, seconds, levels, log = () => {} }) {
  const make = workloads(pop, {});
  const kinds = {
    progress: make.progress,
    plainCreate: (n) => ({ method: 'POST', path: '/api/collections/bench_plain/records', body: { text: `rad ${n}` } }),
    plainUpdate: (n) => ({ method: 'PATCH', path: `/api/collections/bench_plain/records/${plainIds[n % plainIds.length]}`, body: { text: `endret ${n}` } }),
  };
  // In turns (progress, create, update, progress …) so that a change in the machine's other load
  // falls on all alike.
  const results = {};
  const machines = {};
  for (let r = 0; r < runs; r++) {
    for (const connections of levels) {
      for (const [key, requests] of Object.entries(kinds)) {
        log(`metning: ${key}, ${connections} forbindelser, runde ${r + 1}`);
        await settle(url, serverPid, pop.learners[0]);
        const sampler = sampleMachine(serverPid);
        (results[`${key} ${connections}`] ??= []).push(await closedLoop({ url, seconds, connections, requests }));
        (machines[`${key} ${connections}`] ??= []).push(sampler.stop());
      }
    }
  }
  const rows = {};
  for (const key of Object.keys(kinds)) {
    for (const connections of levels) rows[`${key} ${connections}`] = { kind: key, label: SATURATION_KINDS[key], connections, seconds, ...overRuns(results[`${key} ${connections}`]), machine: mergeSamples(machines[`${key} ${connections}`]) };
  }
  const best = (key) => Math.max(...levels.map((c) => rows[`${key} ${c}`].achievedRps.median));
  const ratio = (a, b) => Number((best(a) / best(b)).toFixed(2));
  return {
    rows,
    best: { progress: best('progress'), plainCreate: best('plainCreate'), plainUpdate: best('plainUpdate') },
    ratio: ratio('progress', 'plainCreate'),
    ratioToUpdate: ratio('progress', 'plainUpdate'),
  };
}
