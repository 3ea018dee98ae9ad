// Kodepanel (issue 14, part 3): certified observers code vignettes blind; only after the panel
// closes are their codes set, anonymous, beside the master codes; learners then see how many
// observers checked a vignette. Everything here goes through the API, as a user would.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type Role, type TestUser } from '../support/accounts';
import { createCycle, createVignette } from '../support/vignette-fixtures';
import { call } from '../support/api';
import { listen, type RealtimeListener } from '../support/realtime';

const url = inject('pocketbaseUrl');
let root: PocketBase;
let admin: TestUser;
let coders: TestUser[];
let practised: TestUser;
let uncertified: TestUser;
let expired: TestUser;
let agreed: { slug: string; id: string };
let disputed: { slug: string; id: string };
let checkCycle: { slug: string };
let panelId: string;
const listeners: RealtimeListener[] = [];

async function person(role: Role, name: string, certifiedUntil?: string) {
  const barnehage = await createBarnehage(root);
  const user = await createUser(root, role, barnehage.id, name);
  if (certifiedUntil) await root.collection('users').update(user.id, { certified_until: certifiedUntil });
  return user;
}

// What each coder sends: the agreed vignette's codes all lie within one; on the disputed one two
// of the three are two from the master code (4).
const codesOf = [
  { agreed: { 'positive-climate': 5, 'language-modeling': 3 }, disputed: { 'teacher-sensitivity': 6 } },
  { agreed: { 'positive-climate': 6, 'language-modeling': 3 }, disputed: { 'teacher-sensitivity': 6 } },
  { agreed: { 'positive-climate': 4, 'language-modeling': 4 }, disputed: { 'teacher-sensitivity': 4 } },
];

beforeAll(async () => {
  root = await superuser(url);
  admin = await person('admin', 'Anne Admin');
  coders = [await person('deltaker', 'Olav Observatør', '2099-01-01 00:00:00Z'), await person('styrer', 'Siri Styrer', '2099-01-01 00:00:00Z'), await person('deltaker', 'Pia Pedagog', '2099-01-01 00:00:00Z')];
  practised = await person('deltaker', 'Per Øvet', '2099-01-01 00:00:00Z');
  uncertified = await person('deltaker', 'Ulla Usertifisert');
  expired = await person('deltaker', 'Erik Utløpt', '2020-01-01 00:00:00Z');
  agreed = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters: { 'positive-climate': 5, 'language-modeling': 3 } });
  disputed = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters: { 'teacher-sensitivity': 4 } });
  checkCycle = await createCycle(root, 'toddler', 4);
}, 60_000);

const panelCodes = async () => (await root.collection('panel_codes').getFullList({ filter: root.filter('panel = {:p}', { p: panelId }) })).length;

describe('opening a panel', () => {
  it('only admin opens a panel, and never with a check-pool cycle or without vignettes', async () => {
    const refused = await call(coders[0]!.pb, 'POST', '/api/tettpa/panels', { name: 'Mitt panel', vignettes: [agreed.slug] });
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/Bare Kompetanseteam barnehage/);
    const check = await call(admin.pb, 'POST', '/api/tettpa/panels', { name: 'Med sjekksyklus', vignettes: [agreed.slug, checkCycle.slug] });
    expect([check.status, check.json.message]).toEqual([400, expect.stringMatching(/hører til reliabilitetssjekken/)]);
    const empty = await call(admin.pb, 'POST', '/api/tettpa/panels', { name: 'Tomt', vignettes: [] });
    expect([empty.status, empty.json.message]).toEqual([400, 'Velg minst én vignett til kodepanelet.']);
    const unknown = await call(admin.pb, 'POST', '/api/tettpa/panels', { name: 'Ukjent', vignettes: ['finnes-ikke'] });
    expect([unknown.status, unknown.json.message]).toEqual([400, 'Fant ingen vignett som heter «finnes-ikke».']);
    expect(await root.collection('panels').getFullList({ filter: 'name = "Med sjekksyklus" || name = "Tomt" || name = "Ukjent" || name = "Mitt panel"' })).toHaveLength(0);

    const opened = await call(admin.pb, 'POST', '/api/tettpa/panels', { name: 'Panel høst 2026', vignettes: [agreed.slug, disputed.slug] });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ name: 'Panel høst 2026', status: 'open', coders: 0 });
    panelId = opened.json.id;
  });

  it('a certified observer finds the open panel; a learner without certification does not', async () => {
    const seen = await call(coders[0]!.pb, 'GET', '/api/tettpa/panels');
    expect(seen.json.certified).toBe(true);
    expect(seen.json.panels.map((p: { id: string }) => p.id)).toContain(panelId);
    const notSeen = await call(uncertified.pb, 'GET', '/api/tettpa/panels');
    expect(notSeen.json).toMatchObject({ certified: false, panels: [] });
    expect(await uncertified.pb.collection('panels').getFullList()).toHaveLength(0);
    expect((await expired.pb.collection('panels').getFullList()).map((p) => p.id)).not.toContain(panelId);
  });
});

describe('coding blind', () => {
  it('the codes of a panel reach nobody in realtime, and the panels carry no result', async () => {
    for (const who of [admin, coders[0]!, uncertified]) listeners.push(await listen(url, who.pb.authStore.token, ['panel_codes', 'panels']));
  });

  it('refuses a user without a valid certification, storing nothing', async () => {
    for (const who of [uncertified, expired]) {
      const res = await call(who.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: agreed.slug, scores: codesOf[0]!.agreed });
      expect(res.status).toBe(403);
      expect(res.json.message).toBe('Bare sertifiserte observatører kan kode i kodepanelet, og sertifiseringen din gjelder ikke nå.');
    }
    expect(await panelCodes()).toBe(0);
  });

  it('refuses bad codes and a vignette outside the panel with a Norwegian message', async () => {
    const bad = await call(coders[0]!.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: agreed.slug, scores: { 'positive-climate': 8, 'language-modeling': 3 } });
    expect([bad.status, bad.json.message]).toEqual([400, expect.stringMatching(/heltall fra 1 til 7/)]);
    const missing = await call(coders[0]!.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: agreed.slug, scores: { 'positive-climate': 5 } });
    expect([missing.status, missing.json.message]).toEqual([400, expect.stringMatching(/Mangler: Språkstøtte/)]);
    const outside = await call(coders[0]!.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: checkCycle.slug, scores: {} });
    expect([outside.status, outside.json.message]).toEqual([400, `Vignetten «${checkCycle.slug}» er ikke med i dette kodepanelet.`]);
    const nameless = await call(coders[0]!.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { scores: codesOf[0]!.agreed });
    expect([nameless.status, nameless.json.message]).toEqual([400, 'Oppgi hvilken vignett du har kodet (vignette).']);
    expect(await panelCodes()).toBe(0);
  });

  it('refuses an observer who has practised the vignette: they have seen its master codes', async () => {
    expect((await call(practised.pb, 'POST', '/api/tettpa/attempts', { vignette: agreed.slug, scores: codesOf[0]!.agreed })).status).toBe(200);
    const res = await call(practised.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: agreed.slug, scores: codesOf[0]!.agreed });
    expect([res.status, res.json.message]).toEqual([400, expect.stringMatching(/^Du har øvd på denne vignetten og sett masterkodene/)]);
    expect(await panelCodes()).toBe(0);
  });

  it('three certified observers code both vignettes and get no feedback, only how far they have come', async () => {
    for (const [i, coder] of coders.entries()) {
      const first = await call(coder.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: agreed.slug, scores: codesOf[i]!.agreed });
      expect([first.status, first.json]).toEqual([200, { coded: 1, total: 2 }]);
      const second = await call(coder.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: disputed.slug, scores: codesOf[i]!.disputed });
      expect([second.status, second.json]).toEqual([200, { coded: 2, total: 2 }]);
    }
    expect(await panelCodes()).toBe(6);
  });

  it('a coder’s own panel codes are in their data export, and nobody else’s', async () => {
    const { json } = await call(coders[2]!.pb, 'GET', '/api/tettpa/me/export');
    expect(json.panelCodes.map((c: { vignette: string; scores: unknown }) => [c.vignette, c.scores])).toEqual([
      [agreed.slug, codesOf[2]!.agreed],
      [disputed.slug, codesOf[2]!.disputed],
    ]);
    expect((await call(uncertified.pb, 'GET', '/api/tettpa/me/export')).json.panelCodes).toEqual([]);
  });

  it('refuses a second submission', async () => {
    const again = await call(coders[0]!.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: agreed.slug, scores: { 'positive-climate': 1, 'language-modeling': 1 } });
    expect([again.status, again.json.message]).toEqual([400, 'Du har allerede sendt inn kodene dine for denne vignetten. En levering kan ikke endres.']);
    expect(await panelCodes()).toBe(6);
  });

  it('while open, nobody reads a code: not the coder, not admin, not through the collection', async () => {
    for (const who of [coders[0]!, admin]) {
      const res = await call(who.pb, 'GET', `/api/tettpa/panels/${panelId}/result`);
      expect(res.status).toBe(403);
      expect(res.json.message).toMatch(/^Resultatet av kodepanelet vises først når panelet er lukket/);
      expect(await statusOf(who.pb.collection('panel_codes').getList(1, 10))).toBe(403);
    }
    const anyCode = await root.collection('panel_codes').getFirstListItem(root.filter('panel = {:p}', { p: panelId }));
    expect(await statusOf(coders[0]!.pb.collection('panel_codes').getOne(anyCode.id))).toBe(403);
    expect(await statusOf(admin.pb.collection('panel_codes').getOne(anyCode.id))).toBe(403);
    expect((await call(null, 'GET', `/api/tettpa/vignettes/${agreed.slug}/validation`, undefined, url)).json).toEqual({ slug: agreed.slug, validated: false });
    expect(JSON.stringify(await admin.pb.collection('panels').getOne(panelId))).not.toMatch(/result|codes/);
  });
});

describe('closing the panel', () => {
  it('only admin closes it; after that, codes are refused', async () => {
    expect((await call(coders[0]!.pb, 'POST', `/api/tettpa/panels/${panelId}/close`)).status).toBe(403);
    expect((await call(admin.pb, 'POST', `/api/tettpa/panels/${panelId}/close`)).status).toBe(200);
    const late = await call(practised.pb, 'POST', `/api/tettpa/panels/${panelId}/codes`, { vignette: disputed.slug, scores: { 'teacher-sensitivity': 4 } });
    expect([late.status, late.json.message]).toEqual([400, 'Kodepanelet er lukket; koder kan ikke lenger sendes inn.']);
    expect(await panelCodes()).toBe(6);
  });

  it('no panel code ever reached anyone in realtime; the panel update carries no result', async () => {
    await expect.poll(() => listeners.map((l) => l.events.filter((e) => e.event === 'panels').length), { timeout: 10_000 }).toEqual([1, 1, 0]);
    for (const l of listeners) {
      expect(l.events.filter((e) => e.event === 'panel_codes')).toEqual([]);
      expect(JSON.stringify(l.events)).not.toMatch(/"result"|scores|Hemmelig/);
      l.close();
    }
  });

  it('admin and the coders see the codes side by side with the master code, without a name, with compare-codes’ figures', async () => {
    const res = await call(admin.pb, 'GET', `/api/tettpa/panels/${panelId}/result`);
    expect(res.status).toBe(200);
    const body = res.json;
    expect(body.coders).toBe(3);
    const [a, d] = body.vignettes;
    expect(a).toMatchObject({ slug: agreed.slug, coders: 3, shown: true, withinOne: 1, exact: 0.5, reasons: [], apart: [] });
    expect(a.dimensions).toEqual([
      { dimension: 'positive-climate', master: 5, justification: expect.stringMatching(/^Hemmelig/), codes: [4, 5, 6] },
      { dimension: 'language-modeling', master: 3, justification: expect.any(String), codes: [3, 3, 4] },
    ]);
    expect(d).toMatchObject({ slug: disputed.slug, withinOne: 1 / 3, apart: [{ dimension: 'teacher-sensitivity', master: 4, code: 6 }, { dimension: 'teacher-sensitivity', master: 4, code: 6 }] });
    expect(d.reasons).toEqual([{ kind: 'withinOne', withinOne: 1 / 3 }, { kind: 'majorityApart', dimension: 'teacher-sensitivity', coders: 2 }]);
    // Over both vignettes: 7 of 9 codes within one, 4 of 9 exact.
    expect(body.overall.codes).toBe(9);
    expect(body.overall.withinOne).toBeCloseTo(7 / 9);
    expect(body.overall.exact).toBeCloseTo(4 / 9);
    expect(body.overall.byDimension['teacher-sensitivity']).toEqual({ codes: 3, withinOne: 1 / 3, exact: 1 / 3, bias: 4 / 3 });
    const text = JSON.stringify(body);
    for (const c of [...coders, practised]) {
      expect(text).not.toContain(c.id);
      expect(text).not.toContain(c.name);
      expect(text).not.toContain(c.email);
    }
    expect((await call(coders[1]!.pb, 'GET', `/api/tettpa/panels/${panelId}/result`)).json).toEqual(body);
  });

  it('an observer who did not code the panel, or a learner, does not see its result', async () => {
    expect((await call(practised.pb, 'GET', `/api/tettpa/panels/${panelId}/result`)).status).toBe(404);
    expect((await call(uncertified.pb, 'GET', `/api/tettpa/panels/${panelId}/result`)).status).toBe(404);
  });

  it('the vignette’s validation is public and holds a count and two fractions, no code', async () => {
    const res = await call(null, 'GET', `/api/tettpa/vignettes/${agreed.slug}/validation`, undefined, url);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ slug: agreed.slug, validated: true, observers: 3, withinOne: 1, exact: 0.5, closedAt: expect.any(String) });
  });

  it('the content team’s list holds the vignette the panel disagrees with, and only admin reads it', async () => {
    const res = await call(admin.pb, 'GET', '/api/tettpa/panels/disagreements');
    expect(res.status).toBe(200);
    const slugs = res.json.vignettes.map((v: { slug: string }) => v.slug);
    expect(slugs).toContain(disputed.slug);
    expect(slugs).not.toContain(agreed.slug);
    expect((await call(coders[0]!.pb, 'GET', '/api/tettpa/panels/disagreements')).status).toBe(403);
  });

  it('once the content team changes a master code in the file, the old panel neither validates nor lists the vignette', async () => {
    const code = await root.collection('master_codes').getFirstListItem(root.filter('vignette = {:v}', { v: disputed.id }));
    await root.collection('master_codes').update(code.id, { score: 6 });
    expect((await call(null, 'GET', `/api/tettpa/vignettes/${disputed.slug}/validation`, undefined, url)).json.validated).toBe(false);
    const listed = (await call(admin.pb, 'GET', '/api/tettpa/panels/disagreements')).json.vignettes.map((v: { slug: string }) => v.slug);
    expect(listed).not.toContain(disputed.slug);
    // The panel's own page still shows what it saw then.
    expect((await call(admin.pb, 'GET', `/api/tettpa/panels/${panelId}/result`)).json.vignettes[1].dimensions[0].master).toBe(4);
    expect((await call(null, 'GET', `/api/tettpa/vignettes/${agreed.slug}/validation`, undefined, url)).json.validated).toBe(true);
  });

  it('a panel with fewer than three coders on a vignette shows no codes and validates nothing', async () => {
    const other = await createVignette(root, { ageGroup: 'toddler', kind: 'short', masters: { 'positive-climate': 2 } });
    const small = (await call(admin.pb, 'POST', '/api/tettpa/panels', { name: 'Lite panel', vignettes: [other.slug] })).json.id;
    for (const c of coders.slice(0, 2)) await call(c.pb, 'POST', `/api/tettpa/panels/${small}/codes`, { vignette: other.slug, scores: { 'positive-climate': 2 } });
    await call(admin.pb, 'POST', `/api/tettpa/panels/${small}/close`);
    const res = await call(coders[0]!.pb, 'GET', `/api/tettpa/panels/${small}/result`);
    expect(res.json.vignettes).toEqual([{ slug: other.slug, title: expect.any(String), kind: 'short', ageGroup: 'toddler', coders: 2, shown: false }]);
    expect((await call(null, 'GET', `/api/tettpa/vignettes/${other.slug}/validation`, undefined, url)).json.validated).toBe(false);
  });
});
