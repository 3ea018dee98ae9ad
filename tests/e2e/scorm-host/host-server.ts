// A stand-in for a SCORM 1.2 platform (KS Læring, Moodle): a page that mounts scorm-again as
// `window.API` and plays a package's SCO in an iframe, served with the unzipped package by a
// tiny static server. Nothing of Tett på læring runs here: the package must manage on its own.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

const SCORM_AGAIN = path.resolve('node_modules/scorm-again/dist/scorm12.min.js');

/** The platform's page: the API on the parent, what it saw on every commit and at LMSFinish. */
function hostPage(launch: string): string {
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Testplattform</title>
<script src="/scorm-again.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  // ?state=<json>: what the platform kept from an earlier visit, loaded before the SCO starts.
  const earlier = new URLSearchParams(location.search).get('state');
  if (earlier) API.loadFromJSON(JSON.parse(earlier), '');
  const snapshot = () => ({
    status: API.cmi.core.lesson_status,
    score: API.cmi.core.score.raw,
    location: API.cmi.core.lesson_location,
    suspendData: API.cmi.suspend_data,
  });
  window.platform = { initialized: false, commits: [], finished: null };
  API.on('LMSInitialize', () => { platform.initialized = true; });
  API.on('LMSCommit', () => { platform.commits.push(snapshot()); });
  API.on('LMSFinish', () => { platform.finished = snapshot(); });
</script></head>
<body><h1>Testplattform</h1><iframe title="Kurs" src="${launch}" style="width:100%;height:80vh"></iframe></body></html>`;
}

export interface HostServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `/` (the platform page playing `launch`), `/scorm-again.js` and the package under `/pakke/`. */
export async function startHostServer(packageDir: string, launch: string): Promise<HostServer> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | null = null;
    if (pathname === '/') {
      res.writeHead(200, { 'Content-Type': TYPES['.html']! });
      res.end(hostPage(`/pakke/${launch}`));
      return;
    }
    if (pathname === '/scorm-again.js') file = SCORM_AGAIN;
    else if (pathname.startsWith('/pakke/')) {
      const candidate = path.resolve(packageDir, `.${pathname.slice('/pakke'.length)}`);
      if (candidate.startsWith(path.resolve(packageDir) + path.sep)) file = candidate;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    // close() alone waits for every open connection, and a browser may still hold one: end them.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
