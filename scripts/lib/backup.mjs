// Backups in PocketBase's own format (a zip of pb_data, made by the server inside a transaction so
// that no write lands halfway) and the restore of one onto a data dir. Used by `npm run backup`,
// `npm run restore` and the restore drill in the tests, so the drill proves what operators run.
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import PocketBase from 'pocketbase';
import yauzl from 'yauzl';

/** A name PocketBase accepts (`[a-z0-9_-]+.zip`) that sorts by time. */
export function backupName(now = new Date()) {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return `tettpa-${stamp}.zip`;
}

async function answers(url) {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Asks the running server to make a backup (it lands in pb_data/backups/, listed in the admin UI)
 * and, with `copyTo`, downloads a copy there: a backup that lives only on the server's own disk
 * is lost with that disk.
 */
export async function createBackup({ url, adminEmail, adminPassword, name = backupName(), copyTo }) {
  if (!(await answers(url))) {
    throw new Error(
      `Fant ingen server på ${url}. Sikkerhetskopien lages av den kjørende serveren: start den med npm start ` +
        '(med samme HOST og PORT), eller kopier hele datamappen mens serveren står stille.',
    );
  }
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  try {
    await pb.collection('_superusers').authWithPassword(adminEmail, adminPassword);
  } catch {
    throw new Error(`Kunne ikke logge inn som superbruker ${adminEmail} på ${url}. Sjekk TETTPA_ADMIN_EMAIL og TETTPA_ADMIN_PASSWORD.`);
  }
  await pb.backups.create(name);
  const listed = (await pb.backups.getFullList()).find((b) => b.key === name);
  if (!listed) throw new Error(`Serveren sa at sikkerhetskopien ${name} ble laget, men den står ikke i listen.`);

  let copy = null;
  if (copyTo) {
    mkdirSync(copyTo, { recursive: true });
    copy = path.join(path.resolve(copyTo), name);
    const token = await pb.files.getToken();
    const res = await fetch(pb.backups.getDownloadURL(token, name));
    if (!res.ok || !res.body) throw new Error(`Kunne ikke laste ned ${name} (${res.status}).`);
    await pipeline(res.body, createWriteStream(copy));
  }
  return { name, size: listed.size, copy };
}

function openZip(file) {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

/** Every entry of the zip, in order; `onEntry` may read the entry's stream. */
async function eachEntry(file, onEntry) {
  const zip = await openZip(file);
  await new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      Promise.resolve(onEntry(entry, zip)).then(() => zip.readEntry(), (error) => {
        zip.close();
        reject(error);
      });
    });
    zip.readEntry();
  });
}

function readStream(zip, entry) {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

async function extract(file, target) {
  await eachEntry(file, async (entry, zip) => {
    // yauzl has already refused absolute paths and `..`; this is the second lock on the door.
    const destination = path.resolve(target, entry.fileName);
    if (!destination.startsWith(path.resolve(target) + path.sep)) throw new Error(`Ugyldig filnavn i sikkerhetskopien: ${entry.fileName}`);
    if (entry.fileName.endsWith('/')) {
      mkdirSync(destination, { recursive: true });
      return;
    }
    mkdirSync(path.dirname(destination), { recursive: true });
    await pipeline(await readStream(zip, entry), createWriteStream(destination));
  });
}

async function entryNames(file) {
  const names = [];
  await eachEntry(file, (entry) => void names.push(entry.fileName));
  return names;
}

const isEmptyDir = (dir) => !existsSync(dir) || readdirSync(dir).length === 0;
const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '');

/**
 * Restores a backup onto `dataDir` with the server stopped. A data dir that holds anything is
 * only replaced with `overwrite`, and even then it is moved aside, never deleted.
 * Returns where the old data went (or null) and how many files were restored.
 */
export async function restoreBackup({ file, dataDir, overwrite = false, serverUrl = '' }) {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new Error(`Fant ikke filen ${file}.`);
  let names;
  try {
    names = await entryNames(source);
  } catch (error) {
    throw new Error(`${file} er ikke en sikkerhetskopi fra Tett på læring (ikke en lesbar zip-fil: ${error.message}).`);
  }
  if (!names.includes('data.db')) throw new Error(`${file} er ikke en sikkerhetskopi fra Tett på læring (data.db mangler i zip-filen).`);

  if (serverUrl && (await answers(serverUrl))) {
    throw new Error(`Serveren på ${serverUrl} kjører. Stopp den før du gjenoppretter, ellers skriver den over det du legger tilbake.`);
  }
  const target = path.resolve(dataDir);
  const occupied = !isEmptyDir(target);
  if (occupied && !overwrite) {
    throw new Error(
      `Datamappen ${target} er ikke tom. Gjenoppretting erstatter alt i den. ` +
        'Kjør på nytt med --overskriv hvis det er det du vil: den gamle mappen blir da flyttet til side, ikke slettet.',
    );
  }

  // Unpacked next to the data dir first, so that a broken zip leaves the old data untouched.
  const unpacking = `${target}.gjenoppretter-${stamp()}`;
  try {
    await extract(source, unpacking);
  } catch (error) {
    rmSync(unpacking, { recursive: true, force: true });
    throw new Error(`Kunne ikke pakke ut ${file}: ${error.message}`);
  }

  let setAside = null;
  if (occupied) {
    setAside = `${target}.før-gjenoppretting-${stamp()}`;
    renameSync(target, setAside);
    // The list of backups stays with the server, as in PocketBase's own restore.
    const backups = path.join(setAside, 'backups');
    if (existsSync(backups)) renameSync(backups, path.join(unpacking, 'backups'));
  } else if (existsSync(target)) {
    rmSync(target, { recursive: true });
  }
  renameSync(unpacking, target);
  return { setAside, files: names.filter((n) => !n.endsWith('/')).length };
}
