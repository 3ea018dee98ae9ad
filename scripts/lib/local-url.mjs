/** The address scripts on the server itself use to reach it: a wildcard listen address means loopback. */
export function localUrl({ host, port }) {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
