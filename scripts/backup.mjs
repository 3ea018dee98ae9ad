// `npm run backup [-- --til <mappe>]`: the running server makes a backup in PocketBase's format
// (pb_data/backups/, listed in the admin UI); with --til, a copy is downloaded there as well.
// Settings as for `npm start`: HOST, PORT, TETTPA_ADMIN_EMAIL, TETTPA_ADMIN_PASSWORD.
import { parseArgs } from 'node:util';
import { readConfig } from './lib/config.mjs';
import { createBackup } from './lib/backup.mjs';
import { localUrl } from './lib/local-url.mjs';

async function main() {
  const { values } = parseArgs({ options: { til: { type: 'string' } } });
  const config = readConfig();
  const url = localUrl(config);
  const result = await createBackup({ url, adminEmail: config.adminEmail, adminPassword: config.adminPassword, copyTo: values.til });
  const mb = (result.size / 1024 / 1024).toFixed(1);
  console.log(`Sikkerhetskopi laget: ${result.name} (${mb} MB), i ${config.dataDir}/backups/ på serveren.`);
  if (result.copy) console.log(`Kopi lagret i ${result.copy}`);
  else console.log('Tips: --til <mappe> legger også en kopi utenfor serverens datamappe.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
