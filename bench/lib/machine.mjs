import { readFileSync } from 'node:fs';
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

// CPU and memory while a load runs, read from /proc (Linux): the whole machine's CPU from
// /proc/stat, the server's from /proc/<pid>/stat, its memory from /proc/<pid>/status (VmRSS now,
// VmHWM the most it has held since it started) and the machine's MemAvailable from /proc/meminfo.
// The load generator runs in this Node process: its CPU comes from process.cpuUsage().
const TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux (getconf CLK_TCK)

function machineTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
  return { total: fields.reduce((a, b) => a + b, 0), idle };
}

function processTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) in brackets: utime and stime are 14 and 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]);
}

function kib(text, key) {
  const match = text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : NaN;
}

function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: kib(status, 'VmRSS') / 1024, hwm: kib(status, 'VmHWM') / 1024 };
}

const memAvailableMiB = () => kib(readFileSync('/proc/meminfo', 'utf8'), 'MemAvailable') / 1024;

/**
 * Samples every `intervalMs` until `stop()`, which returns CPU in % of one core (200 % = both
 * cores of a 2-core machine) as mean and max over the samples, and memory in MiB.
 */
export function sampleMachine(serverPid, intervalMs = 500) {
  const cores = os.cpus().length;
  const samples = [];
  let lastMachine = machineTicks();
  let lastServer = processTicks(serverPid);
  let lastSelf = process.cpuUsage();
  let lastAt = performance.now();
  const startAvailable = memAvailableMiB();
  const take = () => {
    try {
      const now = performance.now();
      const seconds = (now - lastAt) / 1000;
      const machine = machineTicks();
      const server = processTicks(serverPid);
      const self = process.cpuUsage();
      const total = machine.total - lastMachine.total;
      samples.push({
        machine: total > 0 ? (100 * cores * (total - (machine.idle - lastMachine.idle))) / total : 0,
        server: (100 * (server - lastServer)) / TICKS_PER_SECOND / seconds,
        generator: (self.user - lastSelf.user + self.system - lastSelf.system) / 1e4 / seconds,
        ...processMemory(serverPid),
        available: memAvailableMiB(),
      });
      lastMachine = machine;
      lastServer = server;
      lastSelf = self;
      lastAt = now;
    } catch {
      // The server has gone (a run that failed): keep what was sampled.
    }
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const of = (key) => samples.map((s) => s[key]);
      const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      const r = (v) => Math.round(v);
      return {
        samples: samples.length,
        cores,
        cpuMachine: { mean: r(mean(of('machine'))), max: r(Math.max(...of('machine'))) },
        cpuServer: { mean: r(mean(of('server'))), max: r(Math.max(...of('server'))) },
        cpuGenerator: { mean: r(mean(of('generator'))), max: r(Math.max(...of('generator'))) },
        serverRssMiB: { max: r(Math.max(...of('rss'))) },
        serverHwmMiB: r(Math.max(...of('hwm'))),
        memAvailableMiB: { start: r(startAvailable), min: r(Math.min(...of('available'))) },
      };
    },
  };
}

/** One summary for several sampled stretches: the mean of the means, the highest max, the lowest min. */
export function mergeSamples(list) {
  const mean = (values) => Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
  const both = (key) => ({ mean: mean(list.map((m) => m[key].mean)), max: Math.max(...list.map((m) => m[key].max)) });
  return {
    samples: list.reduce((n, m) => n + m.samples, 0),
    cores: list[0]?.cores,
    cpuMachine: both('cpuMachine'),
    cpuServer: both('cpuServer'),
    cpuGenerator: both('cpuGenerator'),
    serverRssMiB: { max: Math.max(...list.map((m) => m.serverRssMiB.max)) },
    serverHwmMiB: Math.max(...list.map((m) => m.serverHwmMiB)),
    memAvailableMiB: { start: list[0]?.memAvailableMiB.start, min: Math.min(...list.map((m) => m.memAvailableMiB.min)) },
  };
}

/**
 * Waits until the process uses less than `belowPercent` of a core over `windowMs` (at most
 * `timeoutMs`): after an overload the server works through what it had queued long after the load
 * generator gave up, and the next measurement must not meet that queue. Returns the ms waited.
 */
export async function waitForIdle(pid, { belowPercent = 5, windowMs = 300, timeoutMs = 120_000 } = {}) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    const before = processTicks(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const percent = (100 * (processTicks(pid) - before)) / TICKS_PER_SECOND / (windowMs / 1000);
    if (percent < belowPercent) break;
  }
  return Math.round(performance.now() - t0);
}
