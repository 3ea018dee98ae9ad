// Finds or builds the PocketBase binary: `POCKETBASE_BIN` if set, otherwise a build of server/
// cached under .cache/pocketbase/<hash of server sources>/, so a change to server/ rebuilds it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, mkdirSync, renameSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import { fromRoot } from './paths.mjs';

const serverDir = fromRoot('server');

/** Every Go source under server/, packages in subfolders included, in a stable order. */
function goSources(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...goSources(path.join(dir, entry.name), rel));
    else if (entry.name === 'go.mod' || entry.name === 'go.sum' || entry.name.endsWith('.go')) files.push(rel);
  }
  return files;
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const rel of goSources(serverDir)) hash.update(rel).update(readFileSync(path.join(serverDir, rel)));
  return hash.digest('hex').slice(0, 16);
}

/** Go as installed on this machine, even where a plain environment has no Go on its PATH. */
export function findGo() {
  const candidates = [];
  const which = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) candidates.push(which.stdout.trim());
  candidates.push('/usr/local/go/bin/go', '/usr/lib/go/bin/go', path.join(os.homedir(), 'go', 'bin', 'go'), '/usr/bin/go');
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(
      'Fant ikke Go (1.25 eller nyere), som trengs for å bygge PocketBase. Installer Go, eller pek POCKETBASE_BIN på en ferdig bygget server.',
    );
  }
  return found;
}

export function pocketbaseBinary({ log = console.log } = {}) {
  if (process.env.POCKETBASE_BIN) {
    if (!existsSync(process.env.POCKETBASE_BIN)) throw new Error(`POCKETBASE_BIN peker på en fil som ikke finnes: ${process.env.POCKETBASE_BIN}`);
    return process.env.POCKETBASE_BIN;
  }
  const dir = fromRoot('.cache', 'pocketbase', sourceHash());
  const binary = path.join(dir, 'pocketbase');
  if (existsSync(binary)) return binary;

  const go = findGo();
  log('Bygger PocketBase fra server/ (første gang tar det noen minutter) …');
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.partial`;
  execFileSync(go, ['build', '-trimpath', '-ldflags=-s -w', '-o', partial, '.'], {
    cwd: serverDir,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0', PATH: `${path.dirname(go)}:${process.env.PATH ?? ''}` },
  });
  // Renamed only when complete, so an interrupted build is never mistaken for a finished one.
  renameSync(partial, binary);
  return binary;
}
