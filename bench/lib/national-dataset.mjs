// A data set the size of all of Norway's kindergarten staff, written straight into a throwaway
// PocketBase data dir: our server runs once (migrations, the vignettes and their master codes, one
// real account whose bcrypt hash everyone shares), then stops, and Node's own SQLite (node:sqlite)
// bulk-inserts the rest, one transaction per chunk with prepared statements. Going through the API
// would take hours (one bcrypt per user alone is ~50 ms); this took 103 s on an idle 2-core machine
// here and 271 s while other work shared it.
import { DatabaseSync } from 'node:sqlite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { fromRoot } from '../../scripts/lib/paths.mjs';
import { pocketbaseBinary } from '../../scripts/lib/pocketbase-binary.mjs';
import { freePort, startPocketBase, upsertSuperuser } from '../../scripts/lib/server.mjs';
import { seedVignettes } from '../../scripts/lib/seed-vignettes.mjs';

export const NATIONAL_PASSWORD = 'nasjonal-passord-123';
export const NATIONAL_ADMIN = { email: 'bench@tettpa.no', password: 'bench-superbruker-123' };
const CHUNK = 50_000;

/** A small deterministic PRNG (mulberry32): the same seed gives the same country. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Ids of PocketBase's form (15 of [a-z0-9]) that grow with `n` (base 36, after a letter of their
 * own per table) and end in random characters: appended at the end of the primary key's B-tree,
 * so four million inserts never split a page in the middle.
 */
function idMaker(letter, random) {
  return (n) => {
    let tail = '';
    for (let i = 0; i < 6; i++) tail += ALPHABET[Math.floor(random() * 36)];
    return letter + n.toString(36).padStart(8, '0') + tail;
  };
}

function randomString(random, length) {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * 36)];
  return s;
}

/** PocketBase's datetime text: `2026-11-29 11:02:08.363Z`. */
const pbDate = (ms) => new Date(ms).toISOString().replace('T', ' ');

const FIRST = ['Ingrid', 'Kari', 'Anne', 'Nora', 'Sara', 'Emma', 'Maja', 'Ida', 'Hanne', 'Silje', 'Marit', 'Line', 'Astrid', 'Sofie', 'Amina', 'Fatima', 'Ole', 'Lars', 'Jonas', 'Ahmed', 'Per', 'Henrik', 'Sindre', 'Eirik', 'Mohammed', 'Tone', 'Randi', 'Liv', 'Hilde', 'Camilla'];
const LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Ali', 'Nguyen', 'Lunde', 'Moen', 'Solberg', 'Bakke', 'Strand', 'Lie', 'Holm', 'Kaur'];
const PLACES = ['Solsiden', 'Eventyrskogen', 'Tusenfryd', 'Bjørkelia', 'Furuly', 'Lindeberg', 'Kløverenga', 'Trollstua', 'Maurtua', 'Blåbærtoppen', 'Regnbuen', 'Havbris', 'Fjellsol', 'Elvebakken', 'Skogstjerna', 'Myrtoppen', 'Gullhaugen', 'Rosenhagen', 'Lykketrollet', 'Marihøna'];
const AVDELINGER = ['Blåklokka', 'Prestekragen', 'Smørblomsten', 'Løvetann', 'Hestehoven', 'Rødkløver'];
// Staff by position, roughly as in Norwegian kindergartens (assistants the largest group).
const STILLINGER = [
  ['pedagogisk-leder', 0.22],
  ['pedagog', 0.1],
  ['fagarbeider', 0.22],
  ['assistent', 0.41],
  ['annet', 0.05],
];

function pick(random, weighted) {
  let r = random();
  for (const [value, weight] of weighted) {
    if ((r -= weight) <= 0) return value;
  }
  return weighted.at(-1)[0];
}

/**
 * The real columns of `table` (PRAGMA table_info of the migrated database) and an insert that takes
 * an object: a column the object leaves out gets the schema's default, a NOT NULL column with no
 * default and no value is an error here, not a broken row later.
 */
function inserter(db, table) {
  const columns = db.prepare(`SELECT name, "notnull" AS required, dflt_value FROM pragma_table_info(?)`).all(table);
  if (columns.length === 0) throw new Error(`Tabellen ${table} finnes ikke i den migrerte databasen.`);
  const names = columns.map((c) => c.name);
  const statement = db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  const defaults = columns.map((c) => {
    if (c.dflt_value === null) return c.required ? undefined : null;
    const text = c.dflt_value;
    if (/^'.*'$/s.test(text)) return text.slice(1, -1).replaceAll("''", "'");
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (text === 'FALSE') return 0;
    if (text === 'TRUE') return 1;
    return undefined; // an expression (the id's randomblob): the row must bring its own value
  });
  return {
    columns: new Set(names),
    run(row) {
      const values = names.map((name, i) => {
        let v = row[name];
        if (v === undefined) v = defaults[i];
        if (v === undefined) throw new Error(`${table}.${name} er NOT NULL uten standardverdi, og raden har ingen verdi.`);
        if (typeof v === 'boolean') return v ? 1 : 0;
        if (v !== null && typeof v === 'object') return JSON.stringify(v);
        return v;
      });
      statement.run(...values);
    },
  };
}

/** Inserts the rows `produce(push)` yields, committing every CHUNK rows. */
function bulk(db, table, produce) {
  const insert = inserter(db, table);
  let count = 0;
  db.exec('BEGIN');
  produce((row) => {
    insert.run(row);
    if (++count % CHUNK === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }, insert.columns);
  db.exec('COMMIT');
  return count;
}

/** Drops a table's secondary indexes for the bulk insert and gives back a function that makes them again. */
function withoutIndexes(db, table) {
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table);
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  return () => {
    for (const { sql } of indexes) db.exec(sql);
  };
}

/**
 * Runs our server once on `dataDir` (migrations, vignettes, one account), stops it, and fills the
 * database. Returns the sizes and the accounts the measurements log in as.
 */
export async function buildNationalDataset({ dataDir, log = () => {}, users = 100_000, barnehager = 5_700, progress = 4_000_000, attempts = 1_000_000, seed = 15, now = Date.now() }) {
  const started = performance.now();
  const random = prng(seed);
  const binary = pocketbaseBinary({ log });
  upsertSuperuser(binary, dataDir, NATIONAL_ADMIN.email, NATIONAL_ADMIN.password);
  const server = await startPocketBase({ binary, dataDir, port: await freePort(), quiet: true });
  let passwordHash;
  try {
    await seedVignettes({ url: server.url, adminEmail: NATIONAL_ADMIN.email, adminPassword: NATIONAL_ADMIN.password });
    // One account made by the server itself: its bcrypt hash is the password of everyone.
    const root = new PocketBase(server.url);
    await root.collection('_superusers').authWithPassword(NATIONAL_ADMIN.email, NATIONAL_ADMIN.password);
    const b = await root.collection('barnehager').create({ name: 'Malen barnehage', pulje: 1, eierform: 'kommunal' });
    const template = await root.collection('users').create({ email: 'mal@nasjonal.tettpa.no', name: 'Mal', role: 'deltaker', barnehage: b.id, password: NATIONAL_PASSWORD, passwordConfirm: NATIONAL_PASSWORD, verified: true });
    // The API never shows the hash: read it from the row (WAL lets us read beside the server).
    const db = new DatabaseSync(path.join(dataDir, 'data.db'), { readOnly: true });
    passwordHash = db.prepare('SELECT password FROM users WHERE id = ?').get(template.id)?.password;
    db.close();
    await root.collection('users').delete(template.id);
    await root.collection('barnehager').delete(b.id);
  } finally {
    await server.stop();
  }
  const serverSeconds = (performance.now() - started) / 1000;

  const db = new DatabaseSync(path.join(dataDir, 'data.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY');
  if (!passwordHash?.startsWith('$2')) throw new Error('Fant ikke bcrypt-hashen til malkontoen.');
  const insertStarted = performance.now();
  const courses = JSON.parse(readFileSync(fromRoot('dist', 'kurs', 'index.json'), 'utf8')).courses;
  const lessons = courses.flatMap((c) => c.lessons.map((l) => ({ course: c.id, lesson: l.id, quiz: !!l.quiz })));
  const vignettes = db.prepare(`SELECT id, kind, pool, dimensions FROM vignettes WHERE kind = 'short' OR pool = 'practice'`).all().map((v) => ({ id: v.id, dimensions: JSON.parse(v.dimensions) }));
  const masters = {};
  for (const m of db.prepare('SELECT vignette, dimension, score, justification FROM master_codes').all()) (masters[m.vignette] ??= {})[m.dimension] = { score: m.score, justification: m.justification };
  const practice = vignettes.filter((v) => masters[v.id] && v.dimensions.every((d) => masters[v.id][d]));
  if (practice.length === 0) throw new Error('Fant ingen øvingsvignetter med fasitkoder i databasen.');

  const stamp = (daysAgo) => pbDate(now - daysAgo * 86_400_000 - Math.floor(random() * 86_400_000));
  const ids = { barnehage: idMaker('b', random), user: idMaker('u', random), avdeling: idMaker('a', random), progress: idMaker('p', random), attempt: idMaker('f', random) };

  // Kindergartens: sizes vary (6 to 40 staff), so the staff shares are drawn, then scaled to `users`.
  const kindergarten = [];
  let weightSum = 0;
  for (let i = 0; i < barnehager; i++) {
    const weight = 6 + Math.floor(random() ** 2 * 35);
    weightSum += weight;
    kindergarten.push({ id: ids.barnehage(i), weight, name: `${PLACES[i % PLACES.length]} barnehage ${Math.floor(i / PLACES.length) + 1}`, pulje: 1 + Math.floor(random() * 6), eierform: random() < 0.47 ? 'kommunal' : 'privat', avdelinger: [] });
  }
  let assigned = 0;
  for (const k of kindergarten) {
    k.staff = Math.max(2, Math.round((k.weight / weightSum) * users));
    assigned += k.staff;
  }
  kindergarten.at(-1).staff += users - assigned;
  if (kindergarten.at(-1).staff < 2) throw new Error('For få brukere til så mange barnehager.');

  const counts = {};
  counts.barnehager = bulk(db, 'barnehager', (push) => {
    for (const k of kindergarten) push({ id: k.id, name: k.name, pulje: k.pulje, eierform: k.eierform, created: stamp(400), updated: stamp(300) });
  });

  // Departments: one per 6 staff or so, 1 to 6 per kindergarten.
  let avdelingCount = 0;
  counts.avdelinger = bulk(db, 'avdelinger', (push) => {
    for (const k of kindergarten) {
      const n = Math.min(6, Math.max(1, Math.round(k.staff / 6)));
      for (let j = 0; j < n; j++) {
        const id = ids.avdeling(avdelingCount++);
        k.avdelinger.push({ id, leaders: [] });
        push({ id, barnehage: k.id, name: AVDELINGER[j], ageGroup: j % 2 === 0 ? 'toddler' : 'pre-k', leaders: [], created: stamp(300), updated: stamp(200) });
      }
    }
  });

  // Staff: one styrer per kindergarten, a few admins and course leaders, the rest learners.
  const people = [];
  let userCount = 0;
  const accounts = {};
  counts.users = bulk(db, 'users', (push) => {
    for (const k of kindergarten) {
      for (let j = 0; j < k.staff; j++) {
        const n = userCount++;
        const id = ids.user(n);
        let role = 'deltaker';
        let stilling = pick(random, STILLINGER);
        if (j === 0) {
          role = 'styrer';
          stilling = 'styrer';
        } else if (n % 5000 === 1) role = 'admin';
        else if (n % 400 === 2) role = 'kursleder';
        const avdeling = j === 0 ? '' : k.avdelinger[j % k.avdelinger.length];
        const email = `ansatt${n}@nasjonal.tettpa.no`;
        push({
          id,
          email,
          emailVisibility: false,
          verified: true,
          password: passwordHash,
          tokenKey: randomString(random, 42) + n.toString(36).padStart(8, '0'),
          name: `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`,
          role,
          barnehage: k.id,
          stilling,
          avdeling: avdeling ? avdeling.id : '',
          certified_until: random() < 0.1 ? stamp(-300) : '',
          created: stamp(400),
          updated: stamp(100),
        });
        people.push({ id, barnehage: k.id });
        if (role === 'styrer' && !accounts.styrer && k.staff >= 15) accounts.styrer = { email, id, barnehage: k.id, staff: k.staff };
        if (role === 'deltaker' && !accounts.deltaker) accounts.deltaker = { email, id, barnehage: k.id };
        // Learners spread over the country for the load: the commits land all over the tables.
        if (role === 'deltaker' && n % 500 === 7) (accounts.learners ??= []).push(email);
        if (role === 'admin' && !accounts.admin) accounts.admin = { email, id };
        if (role === 'kursleder' && !accounts.kursleder) accounts.kursleder = { email, id };
      }
    }
  });

  // Course groups: each course leader leads one assistant-course group of 20 people.
  const leaders = db.prepare("SELECT id FROM users WHERE role = 'kursleder'").all().map((r) => r.id);
  let memberCount = 0;
  const cohortIds = idMaker('c', random);
  const memberIds = idMaker('m', random);
  const cohorts = leaders.map((leader, i) => ({ id: cohortIds(i), leader }));
  counts.cohorts = bulk(db, 'cohorts', (push) => {
    for (const [i, c] of cohorts.entries()) {
      push({ id: c.id, leader: c.leader, name: `Assistentkurs ${i + 1}`, code: `K${i.toString(36).toUpperCase().padStart(5, '0')}`, place: 'Kommunehuset', day1: pbDate(now + 7 * 86_400_000), day2: pbDate(now + 14 * 86_400_000), capacity: 25, archived: false, created: stamp(60), updated: stamp(30) });
    }
  });
  counts.cohortMembers = bulk(db, 'cohort_members', (push) => {
    for (const c of cohorts) {
      const chosen = new Set();
      while (chosen.size < 20) chosen.add(people[Math.floor(random() * people.length)].id);
      for (const user of chosen) push({ id: memberIds(memberCount++), cohort: c.id, user, created: stamp(50), updated: stamp(50) });
    }
  });
  if (cohorts[0]) accounts.kursleder = { ...accounts.kursleder, cohort: cohorts.find((c) => c.leader === accounts.kursleder?.id)?.id };

  // Progress: each person has begun a run of lessons in course order, the last one unfinished.
  // `perPerson` lessons on average so that the total comes to `progress`.
  const mean = progress / people.length;
  if (mean > lessons.length) throw new Error(`${progress} fremdriftsrader er mer enn ${people.length} personer × ${lessons.length} leksjoner.`);
  const restoreProgress = withoutIndexes(db, 'progress');
  let progressCount = 0;
  counts.progress = bulk(db, 'progress', (push, columns) => {
    const denormalised = columns.has('barnehage');
    for (let i = 0; i < people.length && progressCount < progress; i++) {
      const left = progress - progressCount;
      const peopleLeft = people.length - i;
      const target = left / peopleLeft;
      const spreadWidth = Math.min(6, lessons.length - target, target);
      const k = Math.min(lessons.length, left, Math.max(0, Math.round(target + (random() * 2 - 1) * spreadWidth)));
      const person = people[i];
      for (let j = 0; j < k; j++) {
        const l = lessons[j];
        const last = j === k - 1;
        const status = last ? 'incomplete' : l.quiz && random() < 0.6 ? 'passed' : 'completed';
        const row = {
          id: ids.progress(progressCount++),
          user: person.id,
          course: l.course,
          lesson: l.lesson,
          status,
          score: status === 'passed' ? 60 + Math.floor(random() * 41) : 0,
          location: last ? `avsnitt-${1 + Math.floor(random() * 5)}` : '',
          suspend_data: '',
          time_seconds: 300 + Math.floor(random() * 1500),
          created: stamp(200 - j * 3),
          updated: stamp(150 - j * 3),
        };
        if (denormalised) row.barnehage = person.barnehage;
        push(row);
      }
    }
  });
  const indexStarted = performance.now();
  restoreProgress();
  const progressIndexSeconds = (performance.now() - indexStarted) / 1000;

  // Practice attempts: submitted short vignettes and practice cycles, scored against the master codes.
  const restoreAttempts = withoutIndexes(db, 'attempts');
  counts.attempts = bulk(db, 'attempts', (push) => {
    for (let n = 0; n < attempts; n++) {
      const person = people[Math.floor(random() * people.length)];
      const v = practice[Math.floor(random() * practice.length)];
      const scores = {};
      const results = v.dimensions.map((dimension) => {
        const master = masters[v.id][dimension];
        const score = Math.min(7, Math.max(1, master.score + Math.round((random() * 2 - 1) * 1.6)));
        scores[dimension] = score;
        const deviation = score - master.score;
        return { dimension, score, master: master.score, exact: deviation === 0, withinOne: Math.abs(deviation) <= 1, deviation, justification: master.justification };
      });
      const created = stamp(Math.floor(random() * 200));
      push({
        id: ids.attempt(n),
        user: person.id,
        vignette: v.id,
        reliability_check: '',
        scores,
        results,
        withinOne: results.filter((r) => r.withinOne).length / results.length,
        exact: results.filter((r) => r.exact).length / results.length,
        created,
        updated: created,
      });
    }
  });
  restoreAttempts();
  const afterInsert = performance.now();
  // Derived data our migrations keep (the per-course totals of each person), rebuilt from the rows.
  const derived = rebuildDerived(db);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE); ANALYZE');
  db.close();
  const finished = performance.now();
  const result = {
    counts,
    accounts,
    password: NATIONAL_PASSWORD,
    seconds: {
      total: Number(((finished - started) / 1000).toFixed(1)),
      server: Number(serverSeconds.toFixed(1)),
      insert: Number(((afterInsert - insertStarted) / 1000).toFixed(1)),
      progressIndexes: Number(progressIndexSeconds.toFixed(1)),
      derived: Number(derived.toFixed(1)),
      analyze: Number(((finished - afterInsert) / 1000 - derived).toFixed(1)),
    },
  };
  // Beside the data, so a later run can measure the same data dir without building it again.
  writeFileSync(path.join(dataDir, 'national.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/**
 * Tables that hold data derived from progress, filled the way the hooks keep them. Written here as
 * SQL so the data set needs no request per row. Returns the seconds it took.
 */
function rebuildDerived(db) {
  const t0 = performance.now();
  const hasTotals = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'progress_totals'`).get();
  if (hasTotals) {
    const restore = withoutIndexes(db, 'progress_totals');
    db.exec('DELETE FROM progress_totals');
    db.exec(`INSERT INTO progress_totals (id, user, course, barnehage, done, begun, last, created, updated)
      SELECT 't' || substr(lower(hex(randomblob(7))), 1, 14), p.user, p.course, MAX(p.barnehage),
        SUM(p.status IN ('completed', 'passed')), COUNT(*), MAX(p.updated), MIN(p.created), MAX(p.updated)
      FROM progress p GROUP BY p.user, p.course`);
    restore();
  }
  return (performance.now() - t0) / 1000;
}
