// Builds the static site when it is missing or older than its sources.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fromRoot } from './paths.mjs';

const STAMP = fromRoot('dist', '.build-stamp');
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'svelte.config.js', 'astro.scorm.config.mjs', 'scripts/lib/scorm-package.mjs', 'scripts/lib/scorm-export.mjs', 'scripts/lib/scorm-export-integration.mjs', 'scripts/lib/scorm-paths.mjs', 'scripts/lib/scorm12-xsd'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function siteIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(fromRoot(s)) > built);
}

export function buildSite({ log = console.log } = {}) {
  log('Bygger nettstedet (astro build) …');
  const result = spawnSync(process.execPath, [fromRoot('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: fromRoot(),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('astro build feilet: se meldingen over.');
  writeFileSync(STAMP, new Date().toISOString());
}

export function ensureSite(options) {
  if (siteIsStale()) buildSite(options);
}
