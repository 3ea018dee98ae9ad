// The bridge every HTML file of an uploaded package gets (server/scorm_files.go puts it first in
// <head>): the package runs sandboxed in an opaque origin and cannot reach the player's window.API,
// so it gets scorm-again's CrossFrameAPI as its own window.API, which talks to the player by
// postMessage. The player hands the saved state over in the frame's name, so that a package that
// reads cmi.core.entry or cmi.suspend_data right after LMSInitialize sees it at once.
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const GET: APIRoute = () => {
  const crossFrameApi = readFileSync(path.resolve('node_modules/scorm-again/dist/cross-frame-api.min.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  const setup = `
(function () {
  var api = new CrossFrameAPI('*', window.parent);
  try {
    var handed = JSON.parse(window.name || '{}');
    if (handed && handed.tettpaCmi) {
      Object.keys(handed.tettpaCmi).forEach(function (key) { api._cache.set(key, String(handed.tettpaCmi[key])); });
      window.name = '';
    }
  } catch (e) {}
  window.API = api;
})();
`;
  return new Response(`${crossFrameApi}\n${setup}`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
