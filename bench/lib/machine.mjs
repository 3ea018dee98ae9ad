import os from 'node:os';
import { execFileSync } from 'node:child_process';

export function describeMachine() {
  let chromium = '';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = 'ikke funnet';
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'ukjent',
    cores: os.cpus().length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}
