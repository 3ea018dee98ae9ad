// Writes the hashes of every seven-word run of the programme's documents (../shared/seeds/*.txt)
// to tests/fixtures/seed-shingles.json. Only hashes are committed: the seeds are not in the repo
// and CI never sees them, yet the own-words test can still tell when a lesson repeats them.
// Usage: node scripts/seed-shingles.mjs [seed folder]   (run again when the seeds change)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shingleLength, shinglesOf } from './lib/shingles.mjs';

const root = path.resolve(import.meta.dirname, '..');
const seedsDir = path.resolve(process.argv[2] ?? path.join(root, '../shared/seeds'));
const out = path.join(root, 'tests/fixtures/seed-shingles.json');

const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
if (files.length === 0) {
  console.error(`Fant ingen .txt-filer i ${seedsDir}`);
  process.exit(1);
}
const hashes = new Set();
for (const file of files) {
  for (const { hash } of shinglesOf(readFileSync(path.join(seedsDir, file), 'utf8'))) hashes.add(hash);
}
writeFileSync(out, JSON.stringify({ shingleLength, seeds: files, hashes: [...hashes].sort() }) + '\n');
console.log(`${hashes.size} sjuordsrekker fra ${files.length} filer skrevet til ${path.relative(root, out)}`);
