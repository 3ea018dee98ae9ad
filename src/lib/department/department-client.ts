/** The department's month through PocketBase (collections avdelinger, avdeling_months, praksisfortellinger), checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

const ageGroupSchema = z.enum(['toddler', 'pre-k']);

const avdelingSchema = z.object({
  id: z.string(),
  barnehage: z.string(),
  name: z.string(),
  ageGroup: ageGroupSchema,
  leaders: z.array(z.string()),
});
export type Avdeling = z.infer<typeof avdelingSchema>;

const monthSchema = z.object({
  id: z.string(),
  avdeling: z.string(),
  month: z.string(),
  dimension: z.string(),
  meetingDate: z.string(),
  agreed: z.string(),
  agreedAt: z.string(),
});
export type MonthRecord = z.infer<typeof monthSchema>;

const storySchema = z.object({
  id: z.string(),
  author: z.string(),
  avdeling: z.string(),
  month: z.string(),
  dimension: z.string(),
  text: z.string(),
  noChildRecognisable: z.boolean(),
  updated: z.string(),
});
export type Story = z.infer<typeof storySchema>;

const personSchema = z.object({ id: z.string(), name: z.string(), avdeling: z.string(), stilling: z.string(), role: z.string() });
export type Person = z.infer<typeof personSchema>;

export async function loadAvdeling(pb: PocketBase, id: string): Promise<Avdeling> {
  return avdelingSchema.parse(await pb.collection('avdelinger').getOne(id));
}

/** The departments the user leads. */
export async function ledBy(pb: PocketBase, userId: string): Promise<Avdeling[]> {
  const list = await pb.collection('avdelinger').getFullList({ filter: pb.filter('leaders.id ?= {:u}', { u: userId }), sort: 'name' });
  return list.map((a) => avdelingSchema.parse(a));
}

export async function monthsOf(pb: PocketBase, avdelingId: string): Promise<MonthRecord[]> {
  const list = await pb.collection('avdeling_months').getFullList({ filter: pb.filter('avdeling = {:a}', { a: avdelingId }), sort: 'month' });
  return list.map((m) => monthSchema.parse(m));
}

/** What the department agreed at its latest meeting with an agreement: shown until the next one. */
export function latestAgreement(months: MonthRecord[]): MonthRecord | null {
  return [...months].reverse().find((m) => m.agreed.trim() !== '') ?? null;
}

/** Creates or changes the department's month (leaders only; the server checks). */
export async function saveMonth(pb: PocketBase, avdelingId: string, month: string, existing: MonthRecord | null, changes: Partial<Pick<MonthRecord, 'dimension' | 'meetingDate' | 'agreed'>>): Promise<MonthRecord> {
  const saved = existing
    ? await pb.collection('avdeling_months').update(existing.id, changes)
    : await pb.collection('avdeling_months').create({ avdeling: avdelingId, month, ...changes });
  return monthSchema.parse(saved);
}

export async function myStory(pb: PocketBase, userId: string, month: string): Promise<Story | null> {
  const page = await pb.collection('praksisfortellinger').getList(1, 1, { filter: pb.filter('author = {:u} && month = {:m}', { u: userId, m: month }), sort: '-updated' });
  return page.items[0] ? storySchema.parse(page.items[0]) : null;
}

export async function saveStory(pb: PocketBase, story: Omit<Story, 'id' | 'updated'>, id: string | null): Promise<Story> {
  const saved = id ? await pb.collection('praksisfortellinger').update(id, { text: story.text, dimension: story.dimension, noChildRecognisable: story.noChildRecognisable }) : await pb.collection('praksisfortellinger').create(story);
  return storySchema.parse(saved);
}

export async function deleteStory(pb: PocketBase, id: string): Promise<void> {
  await pb.collection('praksisfortellinger').delete(id);
}

/** The stories of a month, for the department's leaders (nobody else gets any from the server). */
export async function storiesOf(pb: PocketBase, avdelingId: string, month: string): Promise<Story[]> {
  const list = await pb.collection('praksisfortellinger').getFullList({ filter: pb.filter('avdeling = {:a} && month = {:m}', { a: avdelingId, m: month }), sort: 'created' });
  return list.map((s) => storySchema.parse(s));
}

/** People the user may see in a department (colleagues, or members for a leader). */
export async function peopleOf(pb: PocketBase, avdelingId: string): Promise<Person[]> {
  const list = await pb.collection('users').getFullList({ filter: pb.filter('avdeling = {:a}', { a: avdelingId }), sort: 'name', fields: 'id,name,avdeling,stilling,role' });
  return list.map((p) => personSchema.parse(p));
}

// --- The styrer's pages ---

export async function departmentsOf(pb: PocketBase, barnehageId: string): Promise<Avdeling[]> {
  const list = await pb.collection('avdelinger').getFullList({ filter: pb.filter('barnehage = {:b}', { b: barnehageId }), sort: 'name' });
  return list.map((a) => avdelingSchema.parse(a));
}

export async function staffOf(pb: PocketBase, barnehageId: string): Promise<Person[]> {
  const list = await pb.collection('users').getFullList({ filter: pb.filter('barnehage = {:b}', { b: barnehageId }), sort: 'name', fields: 'id,name,avdeling,stilling,role' });
  return list.map((p) => personSchema.parse(p));
}

export async function saveDepartment(pb: PocketBase, data: Omit<Avdeling, 'id'>, id: string | null): Promise<Avdeling> {
  const saved = id ? await pb.collection('avdelinger').update(id, data) : await pb.collection('avdelinger').create(data);
  return avdelingSchema.parse(saved);
}

export async function deleteDepartment(pb: PocketBase, id: string): Promise<void> {
  await pb.collection('avdelinger').delete(id);
}

export async function setMembership(pb: PocketBase, userId: string, avdelingId: string): Promise<void> {
  await pb.send(`/api/tettpa/users/${userId}/avdeling`, { method: 'PUT', body: { avdeling: avdelingId } });
}

const summarySchema = z.object({
  dimension: z.nullable(z.string()),
  meetingDate: z.nullable(z.string()),
  members: z.number(),
  submitted: z.number(),
  agreed: z.nullable(z.string()),
});

const styrerReportSchema = z.object({
  month: z.string(),
  avdelinger: z.array(z.extend(summarySchema, { id: z.string(), name: z.string(), ageGroup: ageGroupSchema, leaders: z.array(z.string()) })),
});
export type StyrerReport = z.infer<typeof styrerReportSchema>;

const counts = { avdelinger: z.number(), members: z.number(), submitted: z.number(), agreed: z.number() };
const adminReportSchema = z.object({
  month: z.string(),
  barnehager: z.array(z.object({ id: z.string(), name: z.string(), pulje: z.number(), ...counts })),
  puljer: z.array(z.object({ pulje: z.number(), barnehager: z.number(), ...counts })),
});
export type AdminReport = z.infer<typeof adminReportSchema>;

export async function styrerReport(pb: PocketBase, month: string): Promise<StyrerReport> {
  return styrerReportSchema.parse(await pb.send(`/api/tettpa/reports/avdelinger?month=${encodeURIComponent(month)}`, { method: 'GET' }));
}

export async function adminReport(pb: PocketBase, month: string): Promise<AdminReport> {
  return adminReportSchema.parse(await pb.send(`/api/tettpa/reports/avdelinger?month=${encodeURIComponent(month)}`, { method: 'GET' }));
}
