// The pages whose weight the bench measures, each with the most JavaScript (bytes over the wire,
// as the server compresses it, empty cache) it may ship (issue 15). The report prints each page's
// JS against its limit; nothing fails on it.

const KB = 1024;

/**
 * The measured pages. `codingSlug` is the vignette of the coding page (the bench uses a short one).
 * `loggedIn` pages are visited by a learner who has just logged in.
 */
export function measuredPages(codingSlug) {
  return [
    { name: 'forside', path: '/', loggedIn: false, jsLimitBytes: 10 * KB },
    { name: 'kursliste', path: '/kurs/', loggedIn: false, jsLimitBytes: 10 * KB },
    { name: 'kurs', path: '/kurs/nyansatt/', loggedIn: false, jsLimitBytes: 10 * KB },
    { name: 'leksjon', path: '/kurs/nyansatt/hva-er-tett-pa/', loggedIn: false, jsLimitBytes: 15 * KB },
    { name: 'leksjon, innlogget', path: '/kurs/nyansatt/hva-er-tett-pa/', loggedIn: true, jsLimitBytes: 40 * KB },
    { name: 'koding', path: `/koding/${codingSlug}/`, loggedIn: true, jsLimitBytes: 35 * KB },
    { name: 'min side', path: '/min-side/', loggedIn: true, jsLimitBytes: 35 * KB },
  ];
}

/** "innenfor" or "over" the page's limit, for the report. */
export function verdict(page, jsWireBytes) {
  return jsWireBytes <= page.jsLimitBytes ? 'innenfor' : 'over';
}

/** A `prepare` for measurePage: logs in through the site's own form and waits for Min side. */
export function logInThroughForm(url, email, password) {
  return async (page) => {
    await page.goto(`${url}/logg-inn/`);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill(password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`${url}/min-side/`);
  };
}
