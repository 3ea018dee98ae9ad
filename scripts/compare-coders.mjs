// `npm run compare-codes -- <fil.json> [--out rapport.md] [--partial]`: sets a second coder's codes beside the
// master codes, so that master codes are checked by a second pair of eyes before observers rely on
// them. The file maps each vignette's slug to its codes: {"fallet-fra-bommen": {"teacher-sensitivity": 6}}.
import { readFileSync, writeFileSync } from 'node:fs';
import { readVignettes } from './lib/vignette-files.mjs';
import { agreementReport, compareCoders, secondCodesSchema } from './lib/coder-agreement.mjs';

const args = process.argv.slice(2);
const partial = args.includes('--partial');
const outAt = args.indexOf('--out');
const out = outAt === -1 ? undefined : args[outAt + 1];
const file = args.find((a, i) => !a.startsWith('--') && (outAt === -1 || i !== outAt + 1));
if (!file || (outAt !== -1 && !out)) {
  console.error('Bruk: npm run compare-codes -- <andrekoding.json> [--out rapport.md] [--partial]');
  process.exit(2);
}

let raw;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`Kunne ikke lese ${file} som JSON: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const parsed = secondCodesSchema.safeParse(raw);
if (!parsed.success) {
  console.error(`${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(1);
}

try {
  const summary = compareCoders(readVignettes(), parsed.data, { partial });
  const report = agreementReport(summary, { source: file });
  if (out) {
    writeFileSync(out, report);
    console.log(`Skrev ${out}.`);
  } else process.stdout.write(report);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
