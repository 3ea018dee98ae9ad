// POST /api/tettpa/scorm/packages: admin uploads a SCORM 1.2 zip; the server checks it before it
// stores anything, refuses a broken package with a Norwegian message that names the problem, and
// turns everyone else away. GET lists the packages for any logged-in user.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { removeDataDir, startTestServer, type TestServer } from '../support/test-server';
import { brokenPackages, manifest, oneSco, severalScos } from '../fixtures/scorm-packages';

const url = inject('pocketbaseUrl');
const ROUTE = '/api/tettpa/scorm/packages';
let admin: TestUser;
let learner: TestUser;
let styrer: TestUser;

async function upload(baseUrl: string, user: TestUser | null, data: Uint8Array, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'pakke.zip');
  const res = await fetch(`${baseUrl}${ROUTE}`, { method: 'POST', body: form, headers: user ? { Authorization: user.pb.authStore.token } : {} });
  return { status: res.status, json: (await res.json()) as any };
}

async function storedCount(baseUrl = url) {
  const root = await superuser(baseUrl);
  return (await root.collection('scorm_packages').getList(1, 1)).totalItems;
}

beforeAll(async () => {
  const root = await superuser(url);
  const barnehage = await createBarnehage(root);
  admin = await createUser(root, 'admin', barnehage.id);
  learner = await createUser(root, 'deltaker', barnehage.id);
  styrer = await createUser(root, 'styrer', barnehage.id);
});

describe('uploading a SCORM 1.2 package', () => {
  it('admin uploads a one-SCO package and gets its id, title and launchable item', async () => {
    const { status, json } = await upload(url, admin, oneSco());
    expect(status, JSON.stringify(json)).toBe(200);
    expect(json).toEqual({
      id: expect.any(String),
      title: 'Brannvern i barnehagen',
      scos: [{ identifier: 'del-1', title: 'Rømningsveier', launch: 'shared/launchpage.html' }],
    });
    const root = await superuser(url);
    const record = await root.collection('scorm_packages').getOne(json.id);
    expect(record.title).toBe('Brannvern i barnehagen');
    expect(record.archive).toMatch(/\.zip$/);
  });

  it('a package with several SCOs in nested items lists them in the organisation’s order', async () => {
    const { status, json } = await upload(url, admin, severalScos());
    expect(status, JSON.stringify(json)).toBe(200);
    expect(json.title).toBe('Førstehjelp for små barn');
    expect(json.scos).toEqual([
      { identifier: 'del-1', title: 'Frie luftveier', launch: 'del1/index.html' },
      { identifier: 'del-2', title: 'Sideleie', launch: 'del2/index.html?kapittel=2' },
      { identifier: 'del-3', title: 'Når skal du ringe 113?', launch: 'del3/index.html' },
    ]);
  });

  for (const broken of brokenPackages()) {
    it(`refuses ${broken.name} with its own Norwegian message and stores nothing`, async () => {
      const before = await storedCount();
      const { status, json } = await upload(url, admin, broken.data);
      expect(status, JSON.stringify(json)).toBe(400);
      expect(json.message).toMatch(broken.message);
      expect(await storedCount()).toBe(before);
    });
  }

  it('asks for the file when the form has none', async () => {
    const { status, json } = await upload(url, admin, oneSco(), 'pakke');
    expect(status).toBe(400);
    expect(json.message).toContain('Velg én zip-fil');
  });

  it('anyone but admin gets 403, also without logging in, and nothing is stored', async () => {
    const before = await storedCount();
    for (const who of [learner, styrer, null]) {
      const { status, json } = await upload(url, who, oneSco());
      expect(status, who?.role ?? 'anonym').toBe(403);
      expect(json.message).toContain('Bare Kompetanseteam barnehage');
    }
    expect(await storedCount()).toBe(before);
  });
});

describe('serving a package’s files', () => {
  it('sends a file of the package sandboxed (its own opaque origin), and nothing outside it', async () => {
    const { json } = await upload(url, admin, oneSco());
    const { ticket } = await (await fetch(`${url}${ROUTE}/${json.id}/ticket`, { headers: { Authorization: learner.pb.authStore.token } })).json();
    const base = `${url}${ROUTE}/${json.id}/files/${ticket}`;
    const page = await fetch(`${base}/shared/launchpage.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts/);
    expect(page.headers.get('content-security-policy')).not.toContain('allow-same-origin');
    expect(await page.text()).toContain('<h1>Rømningsveier</h1>');
    for (const missing of ['shared/finnes-ikke.html', '..%2F..%2Fimsmanifest.xml', 'shared/%2E%2E/%2E%2E/etc/passwd']) {
      const res = await fetch(`${base}/${missing}`);
      // 404 from the package route; a path the URL parser folds (%2E%2E) loses the ticket: 403.
      expect([403, 404], missing).toContain(res.status);
      expect(await res.text(), missing).not.toContain('root:');
      // What the package route answers keeps the sandbox (a path the router cleans away ends elsewhere).
      if (res.url.startsWith(base)) expect(res.headers.get('content-security-policy'), missing).toMatch(/^sandbox/);
    }
    expect((await fetch(`${url}${ROUTE}/finnes-ikke/files/${ticket}/index.html`)).status).toBe(404);
  });

  it('serves the files only with a ticket a logged-in user got for that package', async () => {
    const { json } = await upload(url, admin, oneSco());
    const { json: other } = await upload(url, admin, oneSco());
    const ticketFor = (id: string, who: TestUser | null) =>
      fetch(`${url}${ROUTE}/${id}/ticket`, { headers: who ? { Authorization: who.pb.authStore.token } : {} });
    // Anonymous: no ticket, and no file without one.
    expect((await ticketFor(json.id, null)).status).toBe(401);
    expect((await fetch(`${url}${ROUTE}/${json.id}/files/shared/launchpage.html`)).status).toBe(403);
    expect((await fetch(`${url}${ROUTE}/${json.id}/files/launchpage.html`)).status).toBe(403);
    const { ticket } = await (await ticketFor(json.id, learner)).json();
    const forged = ticket.replace(/\.(.)/, (_: string, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    const expired = `1.${ticket.split('.')[1]}`;
    const otherTicket = (await (await ticketFor(other.id, learner)).json()).ticket;
    for (const bad of [forged, expired, otherTicket, 'x']) {
      const res = await fetch(`${url}${ROUTE}/${json.id}/files/${bad}/shared/launchpage.html`);
      expect(res.status, bad).toBe(403);
      expect(await res.text()).not.toContain('Rømningsveier');
    }
    expect((await fetch(`${url}${ROUTE}/${json.id}/files/${ticket}/shared/launchpage.html`)).status).toBe(200);
  });
});

describe('progress on a package', () => {
  it('a learner stores progress for an item of the package (course pakke-<id>), never for a made-up item', async () => {
    const { json } = await upload(url, admin, severalScos());
    const lesson = json.scos[1].identifier.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    const row = await learner.pb.collection('progress').create({ user: learner.id, course: `pakke-${json.id}`, lesson, status: 'incomplete' });
    expect(row.lesson).toBe(lesson);
    expect(await statusOf(learner.pb.collection('progress').create({ user: learner.id, course: `pakke-${json.id}`, lesson: 'finnes-ikke', status: 'incomplete' }))).toBe(400);
    expect(await statusOf(learner.pb.collection('progress').create({ user: learner.id, course: 'pakke-finnesikke123', lesson, status: 'incomplete' }))).toBe(400);
  });
});

describe('a new version of a package, and removing one', () => {
  const send = (method: string, id: string, user: TestUser | null, data?: Uint8Array) => {
    const form = new FormData();
    if (data) form.append('file', new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'pakke.zip');
    return fetch(`${url}${ROUTE}/${id}`, { method, body: data ? form : undefined, headers: user ? { Authorization: user.pb.authStore.token } : {} });
  };
  const listed = async (id: string) => {
    const res = await fetch(`${url}${ROUTE}`, { headers: { Authorization: learner.pb.authStore.token } });
    return ((await res.json()) as { items: Array<{ id: string; title: string; scos: unknown[] }> }).items.find((i) => i.id === id);
  };
  const rowsOf = async (id: string) => (await learner.pb.collection('progress').getFullList({ filter: `course = "pakke-${id}"` })).length;

  it('admin replaces a package: same id, the new title and items, the learners’ progress kept', async () => {
    const { json } = await upload(url, admin, severalScos());
    await learner.pb.collection('progress').create({ user: learner.id, course: `pakke-${json.id}`, lesson: 'del-1', status: 'completed' });
    for (const who of [learner, styrer, null]) expect((await send('PUT', json.id, who, oneSco(manifest({ title: 'Ny versjon' })))).status, who?.role ?? 'anonym').toBe(403);
    const bad = await send('PUT', json.id, admin, brokenPackages()[0]!.data);
    expect(bad.status).toBe(400);
    expect((await listed(json.id))?.title).toBe('Førstehjelp for små barn');

    const res = await send('PUT', json.id, admin, oneSco(manifest({ title: 'Førstehjelp, ny versjon' })));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: json.id, title: 'Førstehjelp, ny versjon' });
    expect((await listed(json.id))?.title).toBe('Førstehjelp, ny versjon');
    expect(await rowsOf(json.id)).toBe(1);
    expect((await send('PUT', 'finnesikke12345', admin, oneSco())).status).toBe(404);
  });

  it('admin removes a package: gone from the list and its files, the progress stays, no new progress', async () => {
    const { json } = await upload(url, admin, severalScos());
    await learner.pb.collection('progress').create({ user: learner.id, course: `pakke-${json.id}`, lesson: 'del-1', status: 'completed' });
    const { ticket } = await (await fetch(`${url}${ROUTE}/${json.id}/ticket`, { headers: { Authorization: learner.pb.authStore.token } })).json();
    for (const who of [learner, styrer, null]) expect((await send('DELETE', json.id, who)).status, who?.role ?? 'anonym').toBe(403);
    expect(await listed(json.id)).toBeDefined();

    expect((await send('DELETE', json.id, admin)).status).toBe(204);
    expect(await listed(json.id)).toBeUndefined();
    const all = await (await fetch(`${url}${ROUTE}?alle=1`, { headers: { Authorization: learner.pb.authStore.token } })).json();
    expect(all.items.find((i: { id: string }) => i.id === json.id)).toMatchObject({ title: 'Førstehjelp for små barn', removed: true });
    expect((await fetch(`${url}${ROUTE}/${json.id}/files/${ticket}/del1/index.html`)).status).toBe(404);
    expect(await rowsOf(json.id)).toBe(1);
    expect(await statusOf(learner.pb.collection('progress').create({ user: learner.id, course: `pakke-${json.id}`, lesson: 'del-2', status: 'incomplete' }))).toBe(400);
  });
});

describe('the leaders’ reports', () => {
  it('the styrer’s report shows a learner’s package like a course of ours, and a removed one marked', async () => {
    const { json } = await upload(url, admin, oneSco(manifest({ title: `Rapportpakke ${Date.now()}` })));
    const course = `pakke-${json.id}`;
    const report = async () => {
      const res = await fetch(`${url}/api/tettpa/reports/staff`, { headers: { Authorization: styrer.pb.authStore.token } });
      expect(res.status).toBe(200);
      return (await res.json()) as { courses: Array<{ id: string; title: string; lessons: number }>; staff: Array<{ id: string; courses: Record<string, { done: number; status: string }> }> };
    };
    expect((await report()).courses).toContainEqual({ id: course, title: json.title, lessons: 1 });
    expect((await report()).staff.find((s) => s.id === learner.id)!.courses[course]).toMatchObject({ done: 0, status: 'Ikke startet' });

    await learner.pb.collection('progress').create({ user: learner.id, course, lesson: 'del-1', status: 'passed', score: 90 });
    expect((await report()).staff.find((s) => s.id === learner.id)!.courses[course]).toMatchObject({ done: 1, status: 'Fullført' });
    const csv = await (await fetch(`${url}/api/tettpa/reports/progress.csv`, { headers: { Authorization: styrer.pb.authStore.token } })).text();
    expect(csv.split('\n').find((line) => line.includes(json.title) && line.includes(learner.email))).toContain('Fullført');

    expect((await fetch(`${url}${ROUTE}/${json.id}`, { method: 'DELETE', headers: { Authorization: admin.pb.authStore.token } })).status).toBe(204);
    const after = await report();
    expect(after.courses).toContainEqual({ id: course, title: `${json.title} (fjernet pakke)`, lessons: 1 });
    expect(after.staff.find((s) => s.id === learner.id)!.courses[course]).toMatchObject({ done: 1, status: 'Fullført' });
  });
});

describe('listing the packages', () => {
  it('a logged-in learner sees the uploaded packages with their SCOs', async () => {
    const res = await fetch(`${url}${ROUTE}`, { headers: { Authorization: learner.pb.authStore.token } });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ title: string; scos: unknown[] }> };
    expect(items.map((i) => i.title)).toEqual(expect.arrayContaining(['Brannvern i barnehagen', 'Førstehjelp for små barn']));
    expect(items.find((i) => i.title === 'Førstehjelp for små barn')!.scos).toHaveLength(3);
  });

  it('someone who is not logged in gets 401, and the collection itself is closed', async () => {
    expect((await fetch(`${url}${ROUTE}`)).status).toBe(401);
    expect(await statusOf(learner.pb.collection('scorm_packages').getList(1, 10))).toBe(403);
    expect(await statusOf(admin.pb.collection('scorm_packages').getList(1, 10))).toBe(403);
  });
});

describe('the size limit', () => {
  let small: TestServer;
  let smallAdmin: TestUser;
  beforeAll(async () => {
    small = await startTestServer({ env: { TETTPA_SCORM_MAX_MB: '1' } });
    const root = await superuser(small.url);
    smallAdmin = await createUser(root, 'admin', (await createBarnehage(root)).id);
  });
  afterAll(async () => {
    await small?.stop();
    if (small) removeDataDir(small.dataDir);
  });

  it('refuses a package over TETTPA_SCORM_MAX_MB and stores nothing', async () => {
    // Random bytes do not compress: the zip is as big as its content.
    const noise = new Uint8Array(1_200_000).map(() => Math.floor(Math.random() * 256));
    const big = oneSco(undefined, { 'shared/video.bin': noise });
    const { status, json } = await upload(small.url, smallAdmin, big);
    expect(status).toBe(400);
    expect(json.message).toBe('Pakken er større enn grensen på 1 MB.');
    expect(await storedCount(small.url)).toBe(0);
    expect((await upload(small.url, smallAdmin, oneSco())).status).toBe(200);
  });
});
