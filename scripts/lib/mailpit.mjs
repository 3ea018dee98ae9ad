// Mailpit, the real SMTP server `npm start` and the tests use when no SMTP is configured: built once
// from its Go module (like PocketBase) into .cache/mailpit/<version>/, then started on local ports.
// Its web UI shows every mail the platform sends; its HTTP API lets the tests read them.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from './paths.mjs';
import { findGo } from './pocketbase-binary.mjs';

export const MAILPIT_VERSION = 'v1.33.1';

export function mailpitBinary({ log = console.log } = {}) {
  if (process.env.MAILPIT_BIN) {
    if (!existsSync(process.env.MAILPIT_BIN)) throw new Error(`MAILPIT_BIN peker på en fil som ikke finnes: ${process.env.MAILPIT_BIN}`);
    return process.env.MAILPIT_BIN;
  }
  const dir = fromRoot('.cache', 'mailpit', MAILPIT_VERSION);
  const binary = path.join(dir, 'mailpit');
  if (existsSync(binary)) return binary;
  const go = findGo();
  log(`Bygger Mailpit ${MAILPIT_VERSION} (e-postserveren for utvikling og tester; første gang tar det et par minutter) …`);
  mkdirSync(dir, { recursive: true });
  execFileSync(go, ['install', '-trimpath', '-ldflags=-s -w', `github.com/axllent/mailpit@${MAILPIT_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: dir, CGO_ENABLED: '0', PATH: `${path.dirname(go)}:${process.env.PATH ?? ''}` },
  });
  return binary;
}

async function waitForMailpit(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Mailpit stoppet under oppstart (kode ${child.exitCode}).`);
    try {
      const res = await fetch(`${url}/api/v1/info`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Mailpit svarte ikke på ${url} innen ${timeoutMs / 1000} sekunder.`);
}

/**
 * Starts Mailpit with its web UI/API on `httpPort` and SMTP on `smtpPort` (both on `host`); mail is
 * kept in memory only. `stop()` ends it and waits for the exit.
 */
export async function startMailpit({ binary = mailpitBinary(), host = '127.0.0.1', httpPort, smtpPort, timeoutMs = 20_000 }) {
  const args = ['--listen', `${host}:${httpPort}`, '--smtp', `${host}:${smtpPort}`, '--disable-version-check', '--quiet'];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const url = `http://${host}:${httpPort}`;
  try {
    await waitForMailpit(url, child, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${stderr}`);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    smtp: { host, port: smtpPort },
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
