// Bringing the staff in from a spreadsheet (issue 10): a preview that writes nothing, every bad
// line named by line and field, one transaction, and a second run of the same file changes nothing.
import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';
import { postStaffFile, staffFile, utf8WithBom, windows1252 } from '../support/staff-file.mjs';

const url = inject('pocketbaseUrl');
let root: PocketBase;
let admin: TestUser;

const prefix = () => `imp${randomUUID().slice(0, 8)}`;
const importAs = (who: PocketBase | null, bytes: Uint8Array, dryRun: boolean) => postStaffFile(url, who?.authStore.token ?? '', bytes, dryRun);
const usersOf = (p: string) => root.collection('users').getFullList({ filter: root.filter('email ~ {:p}', { p: `${p}.` }) });
const kindergartensOf = (p: string) => root.collection('barnehager').getFullList({ filter: root.filter('name ~ {:p}', { p }) });

beforeAll(async () => {
  root = await superuser(url);
  admin = await createUser(root, 'admin', (await createBarnehage(root)).id, 'Ina Importør');
});

describe('who may import', () => {
  it('answers 401 without a login, and 403 in Norwegian to a deltaker and a styrer', async () => {
    const bytes = utf8WithBom(staffFile({ count: 2, prefix: prefix() }).text);
    expect((await importAs(null, bytes, true)).status).toBe(401);
    const barnehage = (await createBarnehage(root)).id;
    for (const role of ['deltaker', 'styrer', 'kursleder'] as const) {
      const user = await createUser(root, role, barnehage);
      const res = await importAs(user.pb, bytes, true);
      expect(res.status).toBe(403);
      expect(res.json.message).toMatch(/Bare Kompetanseteam barnehage/);
    }
  });

  it('lets an admin and a superuser preview', async () => {
    const bytes = utf8WithBom(staffFile({ count: 2, prefix: prefix() }).text);
    expect((await importAs(admin.pb, bytes, true)).status).toBe(200);
    expect((await importAs(root, bytes, true)).status).toBe(200);
  });
});

describe('reading what Excel writes', () => {
  it('imports UTF-8 with a byte order mark and commas, creating the kindergartens it names', async () => {
    const p = prefix();
    const res = await importAs(admin.pb, utf8WithBom(staffFile({ count: 25, prefix: p, separator: ',' }).text), false);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 25, updated: 0, unchanged: 0, errors: [], encoding: 'UTF-8', separator: ',' });
    const people = await usersOf(p);
    expect(people).toHaveLength(25);
    const kindergartens = await kindergartensOf(p);
    expect(kindergartens.map((k) => [k.name, k.pulje, k.eierform]).sort()).toEqual([
      [`${p} Blåbærtoppen 1`, 1, 'privat'],
      [`${p} Blåbærtoppen 2`, 2, 'kommunal'],
    ]);
    const first = people.find((u) => u.email === `${p}.ansatt0@barnehage.test`)!;
    expect(first).toMatchObject({ name: 'Åse Ødegård', role: 'styrer', stilling: 'styrer', verified: true, barnehage: kindergartens.find((k) => k.pulje === 1)!.id });
    const other = people.find((u) => u.email === `${p}.ansatt1@barnehage.test`)!;
    expect(other).toMatchObject({ name: 'Bjørn Ødegård', role: 'deltaker', stilling: 'pedagog' });
    // Nobody knows an imported person's password; once they set one, they log in as anyone does.
    expect(await statusOf(root.collection('users').authWithPassword(other.email, ''))).toBe(400);
    await root.collection('users').update(other.id, { password: 'eget-passord-123', passwordConfirm: 'eget-passord-123' });
    const bjorn = new PocketBase(url);
    await bjorn.collection('users').authWithPassword(other.email, 'eget-passord-123');
    expect(bjorn.authStore.record?.id).toBe(other.id);
  });

  it('reads Windows-1252 with semicolons, and æøå arrive whole', async () => {
    const p = prefix();
    const text = `Navn;E-post;Barnehage;Stilling;Rolle;Pulje;Eierform\r\nKjærsti Løvås Græsli;${p}.kjaersti@barnehage.test;${p} Måltrostens barnehage;Fagarbeider;;3;kommunal\r\n`;
    const bytes = windows1252(text);
    expect(bytes.includes(0xe6)).toBe(true); // æ as one byte: this really is Windows-1252
    const res = await importAs(admin.pb, bytes, false);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 1, encoding: 'Windows-1252', separator: ';' });
    const [kjaersti] = await usersOf(p);
    expect(kjaersti).toMatchObject({ name: 'Kjærsti Løvås Græsli', stilling: 'fagarbeider' });
    expect((await kindergartensOf(p))[0]!.name).toBe(`${p} Måltrostens barnehage`);
  });
});

describe('the avdeling column', () => {
  it('puts each person in the named department of their kindergarten, whatever the case, and ignores unknown columns', async () => {
    const p = prefix();
    const barnehage = await root.collection('barnehager').create({ name: `${p} Tusenfryd`, pulje: 1, eierform: 'kommunal' });
    const avdeling = await root.collection('avdelinger').create({ barnehage: barnehage.id, name: `Rødkløver ${p}`, ageGroup: 'pre-k', leaders: [] });
    const text = `Navn;E-post;Barnehage;Stilling;Rolle;Avdeling;Ansattnummer\nSiv Ås;${p}.siv@barnehage.test;${p} Tusenfryd;Assistent;;RØDKLØVER ${p.toUpperCase()} ;1234\n`;
    const res = await importAs(admin.pb, windows1252(text), false);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 1, errors: [] });
    expect(res.json.warnings).toEqual([{ line: 1, field: 'Ansattnummer', message: 'Kolonnen «Ansattnummer» er ukjent og blir ikke brukt.' }]);
    const siv = await root.collection('users').getFirstListItem(root.filter('email = {:e}', { e: `${p}.siv@barnehage.test` }));
    expect(siv.avdeling).toBe(avdeling.id);
  });

  it('refuses a department the kindergarten does not have, naming the line and the field', async () => {
    const p = prefix();
    await root.collection('barnehager').create({ name: `${p} Løvetann`, pulje: 2, eierform: 'privat' });
    const text = `Navn;E-post;Barnehage;Stilling;Rolle;Avdeling\nSiv Ås;${p}.siv@barnehage.test;${p} Løvetann;Assistent;;Solsikka\n`;
    const res = await importAs(admin.pb, windows1252(text), true);
    expect(res.json.errors).toEqual([{ line: 2, field: 'Avdeling', message: `Avdelingen «Solsikka» finnes ikke i ${p} Løvetann. Opprett avdelingen først, eller la feltet stå tomt.` }]);
  });
});

describe('bad lines', () => {
  it('names every bad line by its line number, its field and a Norwegian reason', async () => {
    const p = prefix();
    const file = staffFile({ count: 80, prefix: p, badEvery: 10 });
    const res = await importAs(admin.pb, windows1252(file.text), true);
    expect(res.status).toBe(200);
    expect(res.json.errors.map((e: { line: number; field: string }) => ({ line: e.line, field: e.field }))).toEqual(file.expected.map(({ line, field }) => ({ line, field })));
    const reasons = res.json.errors.map((e: { message: string }) => e.message);
    expect(reasons[0]).toMatch(/er ikke en gyldig e-postadresse/);
    expect(reasons[1]).toMatch(/Ukjent stilling «Rektor»/);
    expect(reasons[2]).toMatch(/Ukjent rolle «sjef»/);
    // The duplicate's twin is the good line just before it: both line numbers are named.
    expect(reasons[3]).toMatch(new RegExp(`står to ganger i fila: på linje ${file.expected[3]!.line - 1} og linje ${file.expected[3]!.line}`));
    expect(reasons[4]).toMatch(/finnes ikke\. Fyll ut pulje og eierform/);
    expect(reasons[5]).toBe('Navnet mangler.');
    expect(reasons[6]).toMatch(/Linjen har 4 felt, men overskriften har 7/);
    expect(reasons[7]).toMatch(/anførselstegn/);
    expect(res.json.created).toBe(72);
    expect(await usersOf(p)).toHaveLength(0);
    expect(await kindergartensOf(p)).toHaveLength(0);
  });

  it('writes nothing at all when a file with one bad line is imported for real (400, the same errors)', async () => {
    const p = prefix();
    const file = staffFile({ count: 30, prefix: p, badEvery: 30 });
    const res = await importAs(admin.pb, windows1252(file.text), false);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ created: 29, updated: 0, unchanged: 0, errors: [{ line: 31, field: 'E-post' }] });
    expect(res.json.message).toMatch(/Ingenting er importert/);
    expect(await usersOf(p)).toHaveLength(0);
    expect(await kindergartensOf(p)).toHaveLength(0);
  });

  it('is one transaction: when the database refuses a line the preview let through, what was written before it is undone', async () => {
    const p = prefix();
    // A one-letter kindergarten passes the file's checks but not the collection's minimum name length.
    const text = `navn;e-post;barnehage;stilling;rolle;pulje;eierform\nKari Ås;${p}.kari@barnehage.test;${p} Gode barnehage;assistent;;2;kommunal\nOla Ås;${p}.ola@barnehage.test;Å;assistent;;2;kommunal\n`;
    const preview = await importAs(admin.pb, Buffer.from(text), true);
    expect(preview.json).toMatchObject({ created: 2, errors: [] });
    const res = await importAs(admin.pb, Buffer.from(text), false);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ line: 3, field: 'barnehage', message: 'Barnehagen «Å» kunne ikke opprettes: navnet må ha mellom 2 og 200 tegn.' }]);
    expect(await kindergartensOf(p)).toHaveLength(0);
    expect(await usersOf(p)).toHaveLength(0);
  });

  it('refuses an empty file and a file without the required columns, with a clear message', async () => {
    const empty = await importAs(admin.pb, Buffer.from(''), true);
    expect(empty.status).toBe(400);
    expect(empty.json.message).toMatch(/Fila er tom/);
    const noHeaders = await importAs(admin.pb, Buffer.from('Fornavn;Etternavn;Barnehage\nKari;Nordmann;Sola\n'), true);
    expect(noHeaders.status).toBe(400);
    expect(noHeaders.json.message).toMatch(/mangler kolonnene: navn, e-post, stilling, rolle/);
    const workbook = await importAs(admin.pb, Buffer.from('PK\u0003\u0004[Content_Types].xml'), true);
    expect(workbook.json.message).toMatch(/Excel-arbeidsbok/);
  });
});

describe('a preview and a second run change nothing', () => {
  it('a preview writes nothing', async () => {
    const p = prefix();
    const res = await importAs(admin.pb, windows1252(staffFile({ count: 40, prefix: p }).text), true);
    expect(res.json).toMatchObject({ dryRun: true, created: 40, errors: [] });
    expect(res.json.barnehagerCreated).toHaveLength(2);
    expect(res.json.rows).toHaveLength(40);
    expect(await usersOf(p)).toHaveLength(0);
    expect(await kindergartensOf(p)).toHaveLength(0);
  });

  it('the same file twice: nothing created or updated the second time', async () => {
    const p = prefix();
    const bytes = windows1252(staffFile({ count: 40, prefix: p }).text);
    expect((await importAs(admin.pb, bytes, false)).json).toMatchObject({ created: 40, updated: 0, unchanged: 0 });
    const before = await usersOf(p);
    const again = await importAs(admin.pb, bytes, false);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 40, errors: [] });
    expect((await usersOf(p)).map((u) => u.updated).sort()).toEqual(before.map((u) => u.updated).sort());
    expect(await kindergartensOf(p)).toHaveLength(2);
  });

  it('keeps a role set by hand unless the file says otherwise, and never deletes the ones not in the file', async () => {
    const p = prefix();
    const bytes = windows1252(staffFile({ count: 5, prefix: p }).text);
    await importAs(admin.pb, bytes, false);
    const byEmail = async (i: number) => root.collection('users').getFirstListItem(root.filter('email = {:e}', { e: `${p}.ansatt${i}@barnehage.test` }));
    // ansatt1 has an empty rolle cell; an admin makes them kursleder by hand.
    await root.collection('users').update((await byEmail(1)).id, { role: 'kursleder' });
    const kept = await importAs(admin.pb, bytes, false);
    expect(kept.json).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect((await byEmail(1)).role).toBe('kursleder');

    // The file now says styrer for ansatt1, and ansatt4 has left.
    const lines = new TextDecoder('windows-1252').decode(bytes).split('\r\n');
    lines[2] = lines[2]!.replace(';Barnehagelærer;;', ';Barnehagelærer;styrer;');
    lines.splice(5, 1);
    const changed = await importAs(admin.pb, windows1252(lines.join('\r\n')), false);
    expect(changed.json).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const row = changed.json.rows.find((r: { line: number }) => r.line === 3);
    expect(row).toMatchObject({ action: 'updated', changes: [{ field: 'Rolle', from: 'kursleder', to: 'styrer' }] });
    expect((await byEmail(1)).role).toBe('styrer');
    expect(changed.json.notInFile).toEqual([expect.objectContaining({ email: `${p}.ansatt4@barnehage.test` })]);
    expect(await usersOf(p)).toHaveLength(5);
  });

  it('an admin cannot change their own role with a file', async () => {
    const me = await root.collection('users').getOne(admin.id, { expand: 'barnehage' });
    const text = `navn;e-post;barnehage;stilling;rolle\n${me.name};${me.email};${me.expand!.barnehage.name};annet;deltaker\n`;
    const res = await importAs(admin.pb, Buffer.from(text), false);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ line: 2, field: 'rolle', message: expect.stringMatching(/egen rolle/) }]);
    expect((await root.collection('users').getOne(admin.id)).role).toBe('admin');
  });
});

describe('the whole staff of Bærum', () => {
  it('a 2,000-line Windows-1252 file with 20 bad lines: exactly those 20 errors; the good lines import, and again change nothing', { timeout: 120_000 }, async () => {
    const p = prefix();
    const file = staffFile({ count: 2000, prefix: p, badEvery: 100 });
    expect(file.expected).toHaveLength(20);
    const preview = await importAs(admin.pb, windows1252(file.text), true);
    expect(preview.status).toBe(200);
    expect(preview.json.errors.map((e: { line: number; field: string }) => ({ line: e.line, field: e.field }))).toEqual(file.expected.map(({ line, field }) => ({ line, field })));
    expect(preview.json.created).toBe(1980);

    const good = staffFile({ count: 2000, prefix: p });
    const lines = good.text.split('\r\n').filter((_, i) => !file.expected.some((e) => e.line === i + 1));
    const fixed = windows1252(lines.join('\r\n'));
    const imported = await importAs(admin.pb, fixed, false);
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ created: 1980, updated: 0, errors: [] });
    expect(await usersOf(p)).toHaveLength(1980);
    const again = await importAs(admin.pb, fixed, false);
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 1980, errors: [] });
  });
});
