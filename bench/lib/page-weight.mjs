// What a page costs a visitor: bytes of HTML, CSS and JS (decoded, and as sent over the wire,
// compressed by the server where it compresses) and the number of requests, measured in Debian's
// chromium with an empty cache.

function kindOf(url, contentType) {
  if (url.includes('/api/')) return 'api';
  if (contentType.includes('text/html')) return 'html';
  if (contentType.includes('css')) return 'css';
  if (contentType.includes('javascript')) return 'js';
  return 'other';
}

/** One visit: `prepare(page)` may log in first; the visit itself starts from an empty cache. */
export async function measurePage(browser, url, prepare) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (prepare) {
    await prepare(page);
    // Logging in filled the cache: empty it so the measured visit is a first visit.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  const bodies = [];
  page.on('response', (response) => {
    bodies.push(
      Promise.all([response.body(), response.request().sizes()])
        .then(([body, sizes]) => ({ url: response.url(), type: response.headers()['content-type'] ?? '', body, wire: sizes.responseBodySize }))
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const totals = { requests: 0 };
  for (const kind of ['html', 'css', 'js', 'api', 'other']) totals[kind] = { raw: 0, wire: 0 };
  for (const item of await Promise.all(bodies)) {
    if (!item) continue;
    const kind = kindOf(item.url, item.type);
    totals.requests += 1;
    totals[kind].raw += item.body.length;
    // -1 means the size is unknown (nothing came over the network): count it as nothing sent.
    totals[kind].wire += Math.max(0, item.wire);
  }
  await context.close();
  return totals;
}
