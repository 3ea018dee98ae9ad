// `npm test`: everything, with nothing running before or after. Builds PocketBase and the site
// once, then checks the types (astro check) and runs the unit and integration tests (vitest) and
// the browser tests (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fromRoot } from './lib/paths.mjs';
import { pocketbaseBinary } from './lib/pocketbase-binary.mjs';
import { buildSite } from './lib/site-build.mjs';
import { summarize } from './lib/test-report.mjs';

function run(label, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: fromRoot(), stdio: 'inherit', env: process.env });
  return result.status === 0;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Fant ikke Chromium på ${chromium}. Installer Debians pakke: apt-get install -y chromium (eller sett CHROMIUM_PATH).`);
  process.exit(1);
}

const results = fromRoot('.cache', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest.json`;
const playwrightJson = `${results}/playwright.json`;
process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = playwrightJson;

pocketbaseBinary();
buildSite();
// Strict TypeScript over the site, the scripts and the tests: the build alone does not check types.
const typesOk = run('Typesjekk (astro check)', [fromRoot('node_modules/astro/bin/astro.mjs'), 'check']);
const vitestOk = run('Enhets- og integrasjonstester (vitest)', [
  fromRoot('node_modules/vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const e2eOk = run('Nettlesertester (Playwright + axe-core)', [fromRoot('node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json']);

const total = summarize(vitestJson, playwrightJson);
// Repeated at the very end, where a CI log that keeps only its tail still shows it.
if (!typesOk) {
  total.failed += 1;
  total.failures.push('Typesjekken (astro check) fant feil: se over.');
}
if (total.failures.length > 0) console.log(`\nFeilet:\n${total.failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (!typesOk || !vitestOk || !e2eOk || total.failed > 0) process.exit(1);
