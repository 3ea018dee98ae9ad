// `npm run dev`: PocketBase on PORT (default 8090) and `astro dev` beside it, which forwards /api
// to PocketBase, so pages reload as you edit them. Same settings as `npm start`.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readConfig } from './lib/config.mjs';
import { fromRoot } from './lib/paths.mjs';
import { pocketbaseBinary } from './lib/pocketbase-binary.mjs';
import { startPocketBase } from './lib/server.mjs';
import { createStartupHelper, ensureSuperuser, removeStartupHelper } from './lib/superuser.mjs';
import { seedDemo } from './lib/seed-demo.mjs';
import { seedVignettes } from './lib/seed-vignettes.mjs';

const config = readConfig();
const binary = pocketbaseBinary();
mkdirSync(config.dataDir, { recursive: true });
const helper = createStartupHelper(binary, config.dataDir);
const server = await startPocketBase({ binary, dataDir: config.dataDir, host: config.host, port: config.port, quiet: true, origin: config.publicUrl });
await ensureSuperuser(server.url, helper, config.adminEmail, config.adminPassword);
await seedVignettes({ url: server.url, ...helper });
if (config.demo) await seedDemo({ url: server.url, ...helper });
await removeStartupHelper(server.url, helper);

const astro = spawn(process.execPath, [fromRoot('node_modules/astro/bin/astro.mjs'), 'dev'], {
  cwd: fromRoot(),
  stdio: 'inherit',
  env: { ...process.env, POCKETBASE_URL: server.url },
});
const stop = async () => {
  astro.kill('SIGTERM');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
astro.on('exit', stop);
