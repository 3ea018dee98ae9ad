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
  let context = await browser.newContext();
  if (prepare) {
    const before = await context.newPage();
    await prepare(before);
    // Logging in filled the caches, the page's memory cache too (clearing the HTTP cache left
    // scripts counted as 0 bytes): the measured visit gets a fresh context with only the login.
    const storageState = await context.storageState();
    await context.close();
    context = await browser.newContext({ storageState });
  }
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (response) => {
    bodies.push(
      Promise.all([response.body(), response.request().sizes()])
        .then(([body, sizes]) => ({ url: response.url(), type: response.headers()['content-type'] ?? '', body, wire: sizes.responseBodySize }))
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // files: each response's kind and wire bytes, to see what a page loads (page-weights.mjs prints them).
  const totals = { requests: 0, files: [] };
  for (const kind of ['html', 'css', 'js', 'api', 'other']) totals[kind] = { raw: 0, wire: 0 };
  for (const item of await Promise.all(bodies)) {
    if (!item) continue;
    const kind = kindOf(item.url, item.type);
    totals.requests += 1;
    totals[kind].raw += item.body.length;
    // -1 means the size is unknown (nothing came over the network): count it as nothing sent.
    totals[kind].wire += Math.max(0, item.wire);
    totals.files.push({ url: new URL(item.url).pathname, kind, wire: Math.max(0, item.wire), raw: item.body.length });
  }
  await context.close();
  return totals;
}
