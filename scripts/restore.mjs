// `npm run restore -- <fil.zip> [--overskriv]`: puts a backup back onto PB_DATA_DIR with the server
// stopped. A data dir with anything in it is replaced only with --overskriv, and then moved aside.
import { parseArgs } from 'node:util';
import { readConfig } from './lib/config.mjs';
import { restoreBackup } from './lib/backup.mjs';
import { localUrl } from './lib/local-url.mjs';

async function main() {
  const { values, positionals } = parseArgs({ options: { overskriv: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) {
    throw new Error('Bruk: npm run restore -- <sikkerhetskopi.zip> [--overskriv]');
  }
  const config = readConfig();
  const result = await restoreBackup({ file: positionals[0], dataDir: config.dataDir, overwrite: values.overskriv, serverUrl: localUrl(config) });
  console.log(`Gjenopprettet ${result.files} filer til ${config.dataDir}.`);
  if (result.setAside) console.log(`De gamle dataene ligger i ${result.setAside}. Slett mappen når du har sjekket at alt er på plass.`);
  console.log('Start serveren med npm start.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
