// The restore drill: data in, a backup made the way `npm run backup` makes it, the data dir
// emptied, the backup restored the way `npm run restore` does it, and every record of every
// collection back as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pocketbaseBinary } from '../../scripts/lib/pocketbase-binary.mjs';
import { startPocketBase } from '../../scripts/lib/server.mjs';
import { createBackup, restoreBackup } from '../../scripts/lib/backup.mjs';
import { removeDataDir, startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';
import { createBarnehage, createUser, superuser, PASSWORD, type TestUser } from '../support/accounts';
import { createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';

type Snapshot = Record<string, Record<string, unknown>[]>;

/**
 * Every record of every collection, system ones included, as the superuser sees them. The caller
 * logs in once and reuses the session: each login rewrites the superuser's `_authOrigins` row.
 */
async function snapshot(root: PocketBase): Promise<Snapshot> {
  const collections = await root.collections.getFullList();
  const all: Snapshot = {};
  for (const c of collections.filter((c) => c.type !== 'view').sort((a, b) => a.name.localeCompare(b.name))) {
    const records = await root.collection(c.name).getFullList({ sort: 'id', batch: 500 });
    all[c.name] = records.map(({ collectionId: _c, collectionName: _n, ...fields }) => fields);
  }
  return all;
}

let server: TestServer | null = null;
let outside: string;
let before: Snapshot;
let learner: TestUser;
let backupFile: string;
let reader: PocketBase;

beforeAll(async () => {
  outside = mkdtempSync(path.join(os.tmpdir(), 'tettpa-backup-copy-'));
  server = await startTestServer();
  const root = await superuser(server.url);
  const barnehage = await createBarnehage(root);
  learner = await createUser(root, 'deltaker', barnehage.id, 'Åse Ærlig Øren');
  const leader = await createUser(root, 'kursleder', barnehage.id);
  await createUser(root, 'styrer', barnehage.id);

  await learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed', score: 90, location: 'side-3', suspend_data: '{"svar":[1,2]}' });
  await learner.pb.collection('reflections').create({ user: learner.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', prompt: 'egen-praksis', text: 'Jeg vil være mer nær barna i garderoben. «Sitat» og æøå.' });
  const vignette = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters: { 'positive-climate': 5, 'teacher-sensitivity': 4 } });
  const attempt = await call(learner.pb, 'POST', '/api/tettpa/attempts', { vignette: vignette.slug, scores: { 'positive-climate': 6, 'teacher-sensitivity': 4 } });
  expect(attempt.status).toBe(200);
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: 'Todagerskurs høst', place: 'Bekkestua', day1: `${new Date().getFullYear() + 1}-12-01 08:00:00Z`, day2: `${new Date().getFullYear() + 1}-12-08 08:00:00Z` });
  expect((await call(learner.pb, 'POST', '/api/tettpa/cohorts/join', { code: cohort.code })).status).toBe(200);
  // A setting changed by hand in the admin UI must come back as changed, not as the migration set it.
  await root.settings.update({ backups: { cron: '15 3 * * *', cronMaxKeep: 5 } });

  reader = await superuser(server.url);
  const made = await createBackup({ url: server.url, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password, copyTo: outside });
  before = await snapshot(reader);
  backupFile = made.copy!;
  await server.stop();
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  rmSync(outside, { recursive: true, force: true });
});

describe('restore drill', () => {
  it('refuses to restore over a data dir that holds data, and leaves it as it was', async () => {
    const error = await restoreBackup({ file: backupFile, dataDir: server!.dataDir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('er ikke tom');
    expect((error as Error).message).toContain('--overskriv');
    expect(existsSync(path.join(server!.dataDir, 'data.db'))).toBe(true);
  });

  it('refuses a file that is not one of our backups', async () => {
    const bogus = path.join(outside, 'ikke-en-kopi.zip');
    writeFileSync(bogus, 'dette er ingen zip');
    const error = await restoreBackup({ file: bogus, dataDir: path.join(outside, 'tom') }).catch((e: Error) => e);
    expect((error as Error).message).toContain('er ikke en sikkerhetskopi');
    expect(existsSync(path.join(outside, 'tom'))).toBe(false);
  });

  it('brings every record of every collection back onto an empty data dir', async () => {
    const dataDir = server!.dataDir;
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    expect(readdirSync(dataDir)).toEqual([]);

    const restored = await restoreBackup({ file: backupFile, dataDir });
    expect(restored.setAside).toBeNull();

    // Started without touching the superuser, so even its record must match byte for byte.
    const binary = pocketbaseBinary({ log: () => {} });
    const port = Number(new URL(server!.url).port);
    const running = await startPocketBase({ binary, dataDir, port, quiet: true });
    server = { ...server!, stop: running.stop };

    // The session from before the backup still holds: the restored superuser has the same token key.
    const after = await snapshot(reader);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) {
      expect({ name, count: after[name]!.length }).toEqual({ name, count: before[name]!.length });
      expect({ name, records: after[name] }).toEqual({ name, records: before[name] });
    }
    for (const name of ['users', 'progress', 'reflections', 'attempts', 'cohorts', 'cohort_members', 'vignettes', 'master_codes']) {
      expect(before[name]?.length ?? 0, name).toBeGreaterThan(0);
    }

    // Passwords came back too, and the hand-changed backup schedule was not reset.
    const again = new PocketBase(running.url);
    expect((await again.collection('users').authWithPassword(learner.email, PASSWORD)).record.name).toBe('Åse Ærlig Øren');
    const settings = await (await superuser(running.url)).settings.getAll();
    expect(settings.backups).toMatchObject({ cron: '15 3 * * *', cronMaxKeep: 5 });
  });

  it('with --overskriv moves the old data dir aside instead of deleting it', async () => {
    await server!.stop();
    const dataDir = server!.dataDir;
    // As an operator does it: the file restored lies in the very data dir it replaces.
    mkdirSync(path.join(dataDir, 'backups'));
    const inside = path.join(dataDir, 'backups', path.basename(backupFile));
    copyFileSync(backupFile, inside);
    const result = await restoreBackup({ file: inside, dataDir, overwrite: true });
    expect(result.setAside).toMatch(/\.før-gjenoppretting-/);
    expect(existsSync(path.join(result.setAside!, 'data.db'))).toBe(true);
    expect(readdirSync(path.join(dataDir, 'backups'))).toContain(path.basename(backupFile));
    rmSync(result.setAside!, { recursive: true, force: true });
  });
});

describe('nightly backups', () => {
  it('are scheduled by the migration, with seven kept', async () => {
    const fresh = await startTestServer();
    try {
      const settings = await (await superuser(fresh.url)).settings.getAll();
      expect(settings.backups).toMatchObject({ cron: '30 1 * * *', cronMaxKeep: 7 });
    } finally {
      await fresh.stop();
      removeDataDir(fresh.dataDir);
    }
  });
});
