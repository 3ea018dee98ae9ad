// `npm start`: builds what is missing, starts PocketBase with the site, seeds demo data and
// serves until Ctrl-C. Settings: see the operations contract in README.md.
import { mkdirSync } from 'node:fs';
import { readConfig, serverMailEnv, DEMO_PASSWORD } from './lib/config.mjs';
import { mailpitBinary, startMailpit } from './lib/mailpit.mjs';
import { pocketbaseBinary } from './lib/pocketbase-binary.mjs';
import { ensureSite } from './lib/site-build.mjs';
import { startPocketBase } from './lib/server.mjs';
import { createStartupHelper, ensureSuperuser, removeStartupHelper } from './lib/superuser.mjs';
import { seedDemo, DEMO_USERS } from './lib/seed-demo.mjs';
import { readVignettes } from './lib/vignette-files.mjs';
import { oidcStatusLine } from './lib/oidc-status.mjs';
import { seedVignettes } from './lib/seed-vignettes.mjs';

let mailpit = null;

async function main() {
  const config = readConfig();
  const binary = pocketbaseBinary();
  // Read before anything starts, so a broken vignette stops us with a message naming the file.
  const vignettes = readVignettes();
  ensureSite();
  mkdirSync(config.dataDir, { recursive: true });
  // Seeding signs in as a helper of its own: the operator's superuser may have a new password by now.
  const helper = createStartupHelper(binary, config.dataDir);

  // Without an SMTP server of the operator's, mail goes to a local Mailpit that a newcomer can read.
  mailpit = config.smtp ? null : await startMailpit({ binary: mailpitBinary(), host: config.host, httpPort: config.mailpit.httpPort, smtpPort: config.mailpit.smtpPort });
  const smtp = config.smtp ?? { host: mailpit.smtp.host, port: mailpit.smtp.port, tls: false };
  const server = await startPocketBase({
    binary,
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    quiet: true,
    env: { ...process.env, ...serverMailEnv(config, smtp) },
    origin: config.publicUrl,
  });
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopper (${signal}) …`);
    await server.stop();
    await mailpit?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  server.child.once('exit', (code) => {
    if (!stopping) {
      void mailpit?.stop();
      console.error(`PocketBase stoppet uventet (kode ${code}).`);
      process.exit(1);
    }
  });

  const created = await ensureSuperuser(server.url, helper, config.adminEmail, config.adminPassword);
  if (created) console.log(`Superbrukeren ${config.adminEmail} er opprettet (passordet fra TETTPA_ADMIN_PASSWORD).`);
  const seeded = await seedVignettes({ url: server.url, ...helper, vignettes });
  if (seeded.written > 0) console.log(`Vignetter og masterkoder oppdatert: ${seeded.written} endringer (${seeded.vignettes} vignetter).`);

  if (config.demo) {
    const demo = await seedDemo({ url: server.url, ...helper });
    if (demo.length > 0) console.log(`Demodata lagt inn: ${demo.join(', ')}`);
  }
  await removeStartupHelper(server.url, helper);

  console.log(`
Tett på læring kjører på ${server.url}/
  Administrasjon (PocketBase): ${server.url}/_/  (${created ? config.adminEmail : 'superbrukeren som allerede finnes; passordet endres der'})
  Data: ${config.dataDir}
  E-post: ${mailpit ? `alle e-poster havner i Mailpit på ${mailpit.url}/` : `sendes via ${smtp.host}:${smtp.port}`}`);
  const oidcStatus = await oidcStatusLine(server.url);
  if (oidcStatus) console.log(oidcStatus);
  if (config.demo) {
    console.log(`  Demobrukere (passord «${DEMO_PASSWORD}»):`);
    for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(10)} ${u.email}`);
  }
  console.log('Stopp med Ctrl-C.');
}

main().catch(async (error) => {
  await mailpit?.stop();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
