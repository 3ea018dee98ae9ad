// `npm run bench:national` (node bench/national.mjs on Node 24, for node:sqlite): builds the national data set in a throwaway data dir, measures it, and
// prints the report section (the same as `npm run bench` shows). NATIONAL_KEEP=1 keeps the data dir;
// NATIONAL_DIR=<dir> measures a data dir built before instead of building one.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureNational } from './lib/national.mjs';
import { renderNational } from './lib/national-report.mjs';

const log = (message) => console.log(`[nasjonal] ${message}`);
const runs = Number(process.env.NATIONAL_RUNS ?? 3);
const given = process.env.NATIONAL_DIR;
const dataDir = given || mkdtempSync(path.join(os.tmpdir(), 'tettpa-nasjonal-'));
try {
  const section = await measureNational({ log, runs, dataDir, build: !given });
  console.log(JSON.stringify(section, null, 2));
  console.log(renderNational(section));
} finally {
  if (!given && process.env.NATIONAL_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  else log(`datamappen ligger i ${dataDir}`);
}
