// Starts and stops a real PocketBase with our migrations, hooks and built site. Used by
// `npm start`, the integration tests and the benchmarks, so all three run the same server.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fromRoot } from './paths.mjs';
import { writeArshjulJson } from './arshjul-json.mjs';

/** Ports this process has handed out: nothing listens on them yet, so the OS may offer them again. */
const handedOut = new Set();

function probePort(host) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A TCP port that was free a moment ago on the given host, and not handed out before by us. */
export async function freePort(host = '127.0.0.1') {
  for (;;) {
    const port = await probePort(host);
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

const commonFlags = (dataDir) => [
  `--dir=${dataDir}`,
  `--hooksDir=${fromRoot('pb_hooks')}`,
  `--migrationsDir=${fromRoot('pb_migrations')}`,
];

/** Creates or updates the superuser that signs in to PocketBase's admin UI at /_/. */
export function upsertSuperuser(binary, dataDir, email, password) {
  // `--` ends the flags: a password that starts with "-" would otherwise be read as one, and
  // PocketBase's CLI exits 0 even then, leaving no superuser and no error.
  execFileSync(binary, ['superuser', 'upsert', ...commonFlags(dataDir), '--', email, password], { stdio: 'pipe' });
}

/**
 * Waits until this process has bound its port (`listening()`: PocketBase prints its banner only
 * after that) and answers. Without the first condition a port taken a moment earlier by another
 * server (free ports are only free when asked) would answer the health check for us.
 */
async function waitForHealth(url, child, timeoutMs, listening) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PocketBase stoppet under oppstart (kode ${child.exitCode}).`);
    if (!listening()) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PocketBase svarte ikke på ${url}/api/health innen ${timeoutMs / 1000} sekunder.`);
}

/**
 * Starts `pocketbase serve` and resolves once it answers. `stop()` ends it and waits for the exit,
 * so nothing is left running.
 */
export async function startPocketBase({ binary, dataDir, host = '127.0.0.1', port, publicDir = fromRoot('dist'), quiet = false, timeoutMs = 30_000, env = process.env, origin = '' }) {
  writeArshjulJson();
  // CORS for the site's own origin only: PocketBase's default (`*`) lets any web page call the API.
  const allowed = origin || `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const args = ['serve', `--http=${host}:${port}`, ...commonFlags(dataDir), `--publicDir=${publicDir}`, '--indexFallback=false', `--origins=${allowed}`];
  // Quiet keeps the output to itself, but a start that fails shows it: PocketBase prints some fatal
  // errors (an invalid setting) on stdout. The output is read either way, for the start banner.
  const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let banner = '';
  let listening = false;
  child.stdout.on('data', (chunk) => {
    if (!quiet) process.stdout.write(chunk);
    if (!listening) {
      banner = (banner + chunk).slice(-1000);
      listening = banner.includes('Server started at');
    }
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stderr.on('data', (chunk) => {
    if (!quiet) process.stderr.write(chunk);
    stderr = (stderr + chunk).slice(-4000);
  });
  const url = `http://${host}:${port}`;
  try {
    await waitForHealth(url, child, timeoutMs, () => listening);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${stderr}`);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
