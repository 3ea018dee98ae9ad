// A throwaway copy of what `astro build` reads, for builds that must not touch the real project:
// a broken lesson in a test, or ten times the content in the benchmark.
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from './paths.mjs';

// scripts/lib and astro.scorm.config.mjs: the site build also writes the SCORM packages.
const SITE_SOURCES = ['src', 'public', 'astro.config.mjs', 'astro.scorm.config.mjs', 'scripts/lib', 'svelte.config.js', 'tsconfig.json', 'package.json'];

/** Copies the site's sources into a new temporary folder (node_modules linked) and returns it. */
export function copySiteSources(prefix) {
  const site = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const entry of SITE_SOURCES) cpSync(fromRoot(entry), path.join(site, entry), { recursive: true });
  symlinkSync(fromRoot('node_modules'), path.join(site, 'node_modules'), 'dir');
  return site;
}
