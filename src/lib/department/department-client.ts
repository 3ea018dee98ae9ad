/** The department's month through PocketBase (collections avdelinger, avdeling_months, praksisfortellinger), checked by hand (shape.ts). */
import type { ServerApi } from '../pocketbase/server-api';
import { bool, fields, list, num, oneOf, text, type Fields } from '../shape';

const AGE_GROUPS = ['toddler', 'pre-k'] as const;
type AgeGroup = (typeof AGE_GROUPS)[number];

export interface Avdeling {
  id: string;
  barnehage: string;
  name: string;
  ageGroup: AgeGroup;
  leaders: string[];
}

export interface MonthRecord {
  id: string;
  avdeling: string;
  month: string;
  dimension: string;
  meetingDate: string;
  agreed: string;
  agreedAt: string;
}

export interface Story {
  id: string;
  author: string;
  avdeling: string;
  month: string;
  dimension: string;
  text: string;
  noChildRecognisable: boolean;
  updated: string;
}

export interface Person {
  id: string;
  name: string;
  avdeling: string;
  stilling: string;
  role: string;
}

const texts = (o: Fields, key: string) => list(o, key, (v) => {
  if (typeof v !== 'string') throw new Error(`${key} er ikke tekst`);
  return v;
});

function readAvdeling(value: unknown): Avdeling {
  const o = fields(value);
  return { id: text(o, 'id'), barnehage: text(o, 'barnehage'), name: text(o, 'name'), ageGroup: oneOf(o, 'ageGroup', AGE_GROUPS), leaders: texts(o, 'leaders') };
}

function readMonth(value: unknown): MonthRecord {
  const o = fields(value);
  return { id: text(o, 'id'), avdeling: text(o, 'avdeling'), month: text(o, 'month'), dimension: text(o, 'dimension'), meetingDate: text(o, 'meetingDate'), agreed: text(o, 'agreed'), agreedAt: text(o, 'agreedAt') };
}

function readStory(value: unknown): Story {
  const o = fields(value);
  return {
    id: text(o, 'id'),
    author: text(o, 'author'),
    avdeling: text(o, 'avdeling'),
    month: text(o, 'month'),
    dimension: text(o, 'dimension'),
    text: text(o, 'text'),
    noChildRecognisable: bool(o, 'noChildRecognisable'),
    updated: text(o, 'updated'),
  };
}

function readPerson(value: unknown): Person {
  const o = fields(value);
  return { id: text(o, 'id'), name: text(o, 'name'), avdeling: text(o, 'avdeling'), stilling: text(o, 'stilling'), role: text(o, 'role') };
}

export async function loadAvdeling(pb: ServerApi, id: string): Promise<Avdeling> {
  return readAvdeling(await pb.collection('avdelinger').getOne(id));
}

/** The departments the user leads. */
export async function ledBy(pb: ServerApi, userId: string): Promise<Avdeling[]> {
  const list = await pb.collection('avdelinger').getFullList({ filter: pb.filter('leaders.id ?= {:u}', { u: userId }), sort: 'name' });
  return list.map((a) => readAvdeling(a));
}

export async function monthsOf(pb: ServerApi, avdelingId: string): Promise<MonthRecord[]> {
  const list = await pb.collection('avdeling_months').getFullList({ filter: pb.filter('avdeling = {:a}', { a: avdelingId }), sort: 'month' });
  return list.map((m) => readMonth(m));
}

/** What the department agreed at its latest meeting with an agreement: shown until the next one. */
export function latestAgreement(months: MonthRecord[]): MonthRecord | null {
  return [...months].reverse().find((m) => m.agreed.trim() !== '') ?? null;
}

/** Creates or changes the department's month (leaders only; the server checks). */
export async function saveMonth(pb: ServerApi, avdelingId: string, month: string, existing: MonthRecord | null, changes: Partial<Pick<MonthRecord, 'dimension' | 'meetingDate' | 'agreed'>>): Promise<MonthRecord> {
  const saved = existing
    ? await pb.collection('avdeling_months').update(existing.id, changes)
    : await pb.collection('avdeling_months').create({ avdeling: avdelingId, month, ...changes });
  return readMonth(saved);
}

export async function myStory(pb: ServerApi, userId: string, month: string): Promise<Story | null> {
  const page = await pb.collection('praksisfortellinger').getList(1, 1, { filter: pb.filter('author = {:u} && month = {:m}', { u: userId, m: month }), sort: '-updated' });
  return page.items[0] ? readStory(page.items[0]) : null;
}

export async function saveStory(pb: ServerApi, story: Omit<Story, 'id' | 'updated'>, id: string | null): Promise<Story> {
  const saved = id ? await pb.collection('praksisfortellinger').update(id, { text: story.text, dimension: story.dimension, noChildRecognisable: story.noChildRecognisable }) : await pb.collection('praksisfortellinger').create(story);
  return readStory(saved);
}

export async function deleteStory(pb: ServerApi, id: string): Promise<void> {
  await pb.collection('praksisfortellinger').delete(id);
}

/** The stories of a month, for the department's leaders (nobody else gets any from the server). */
export async function storiesOf(pb: ServerApi, avdelingId: string, month: string): Promise<Story[]> {
  const list = await pb.collection('praksisfortellinger').getFullList({ filter: pb.filter('avdeling = {:a} && month = {:m}', { a: avdelingId, m: month }), sort: 'created' });
  return list.map((s) => readStory(s));
}

/** People the user may see in a department (colleagues, or members for a leader). */
export async function peopleOf(pb: ServerApi, avdelingId: string): Promise<Person[]> {
  const list = await pb.collection('users').getFullList({ filter: pb.filter('avdeling = {:a}', { a: avdelingId }), sort: 'name', fields: 'id,name,avdeling,stilling,role' });
  return list.map((p) => readPerson(p));
}

// --- The styrer's pages ---

export async function departmentsOf(pb: ServerApi, barnehageId: string): Promise<Avdeling[]> {
  const list = await pb.collection('avdelinger').getFullList({ filter: pb.filter('barnehage = {:b}', { b: barnehageId }), sort: 'name' });
  return list.map((a) => readAvdeling(a));
}

export async function staffOf(pb: ServerApi, barnehageId: string): Promise<Person[]> {
  const list = await pb.collection('users').getFullList({ filter: pb.filter('barnehage = {:b}', { b: barnehageId }), sort: 'name', fields: 'id,name,avdeling,stilling,role' });
  return list.map((p) => readPerson(p));
}

export async function saveDepartment(pb: ServerApi, data: Omit<Avdeling, 'id'>, id: string | null): Promise<Avdeling> {
  const saved = id ? await pb.collection('avdelinger').update(id, data) : await pb.collection('avdelinger').create(data);
  return readAvdeling(saved);
}

export async function deleteDepartment(pb: ServerApi, id: string): Promise<void> {
  await pb.collection('avdelinger').delete(id);
}

export async function setMembership(pb: ServerApi, userId: string, avdelingId: string): Promise<void> {
  await pb.send(`/api/tettpa/users/${userId}/avdeling`, { method: 'PUT', body: { avdeling: avdelingId } });
}

export interface StyrerReport {
  month: string;
  avdelinger: Array<{
    id: string;
    name: string;
    ageGroup: AgeGroup;
    leaders: string[];
    dimension: string | null;
    meetingDate: string | null;
    members: number;
    submitted: number;
    agreed: string | null;
  }>;
}

interface Counts {
  avdelinger: number;
  members: number;
  submitted: number;
  agreed: number;
}

export interface AdminReport {
  month: string;
  barnehager: Array<{ id: string; name: string; pulje: number } & Counts>;
  puljer: Array<{ pulje: number; barnehager: number } & Counts>;
}

const nullableText = (o: Fields, key: string) => (o[key] === null ? null : text(o, key));
const countsOf = (o: Fields): Counts => ({ avdelinger: num(o, 'avdelinger'), members: num(o, 'members'), submitted: num(o, 'submitted'), agreed: num(o, 'agreed') });

function readStyrerReport(value: unknown): StyrerReport {
  const o = fields(value);
  return {
    month: text(o, 'month'),
    avdelinger: list(o, 'avdelinger', (item) => {
      const a = fields(item);
      return {
        id: text(a, 'id'),
        name: text(a, 'name'),
        ageGroup: oneOf(a, 'ageGroup', AGE_GROUPS),
        leaders: texts(a, 'leaders'),
        dimension: nullableText(a, 'dimension'),
        meetingDate: nullableText(a, 'meetingDate'),
        members: num(a, 'members'),
        submitted: num(a, 'submitted'),
        agreed: nullableText(a, 'agreed'),
      };
    }),
  };
}

function readAdminReport(value: unknown): AdminReport {
  const o = fields(value);
  return {
    month: text(o, 'month'),
    barnehager: list(o, 'barnehager', (item) => {
      const b = fields(item);
      return { id: text(b, 'id'), name: text(b, 'name'), pulje: num(b, 'pulje'), ...countsOf(b) };
    }),
    puljer: list(o, 'puljer', (item) => {
      const p = fields(item);
      return { pulje: num(p, 'pulje'), barnehager: num(p, 'barnehager'), ...countsOf(p) };
    }),
  };
}

export async function styrerReport(pb: ServerApi, month: string): Promise<StyrerReport> {
  return readStyrerReport(await pb.send(`/api/tettpa/reports/avdelinger?month=${encodeURIComponent(month)}`, { method: 'GET' }));
}

export async function adminReport(pb: ServerApi, month: string): Promise<AdminReport> {
  return readAdminReport(await pb.send(`/api/tettpa/reports/avdelinger?month=${encodeURIComponent(month)}`, { method: 'GET' }));
}
