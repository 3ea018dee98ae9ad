/** Cohorts and live rounds: the collection API where rules decide, our routes where the server must. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

export const cohortSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  place: z.string(),
  day1: z.string(),
  day2: z.string(),
  capacity: z.number(),
  leader: z.string(),
  /** Archived cohorts leave the active list but are kept. */
  archived: z.optional(z.boolean()),
});
export type Cohort = z.infer<typeof cohortSchema>;

export const roundSchema = z.object({
  id: z.string(),
  cohort: z.string(),
  vignette: z.string(),
  status: z.enum(['open', 'revealed', 'closed']),
  submitted: z.number(),
  created: z.string(),
  expand: z.optional(z.object({ vignette: z.optional(z.object({ slug: z.string(), title: z.string() })) })),
});
export type Round = z.infer<typeof roundSchema>;

const resultSchema = z.object({
  id: z.string(),
  vignette: z.object({ slug: z.string(), title: z.string() }),
  submitted: z.number(),
  members: z.number(),
  dimensions: z.array(z.object({ dimension: z.string(), distribution: z.array(z.number()), master: z.nullable(z.number()), justification: z.string() })),
  mine: z.nullable(z.record(z.string(), z.number())),
});
export type RoundResult = z.infer<typeof resultSchema>;

const memberSchema = z.object({ id: z.string(), user: z.string(), expand: z.optional(z.object({ user: z.optional(z.object({ id: z.string(), name: z.string() })) })) });
export type Member = z.infer<typeof memberSchema>;

const json = { headers: { 'Content-Type': 'application/json' } };

export async function myCohorts(pb: PocketBase): Promise<Cohort[]> {
  return (await pb.collection('cohorts').getFullList({ sort: '-created' })).map((c) => cohortSchema.parse(c));
}

export async function createCohort(pb: PocketBase, leader: string, data: { name: string; day1: string; day2: string; place: string; capacity: number }): Promise<Cohort> {
  return cohortSchema.parse(await pb.collection('cohorts').create({ ...data, leader }));
}

/** Archives a cohort, or brings it back. */
export async function setArchived(pb: PocketBase, cohortId: string, archived: boolean): Promise<Cohort> {
  return cohortSchema.parse(await pb.collection('cohorts').update(cohortId, { archived }));
}

export async function joinCohort(pb: PocketBase, code: string) {
  return (await pb.send('/api/tettpa/cohorts/join', { method: 'POST', body: JSON.stringify({ code }), ...json })) as { cohort: { id: string; name: string } };
}

export async function membersOf(pb: PocketBase, cohortId: string): Promise<Member[]> {
  const rows = await pb.collection('cohort_members').getFullList({ filter: pb.filter('cohort = {:c}', { c: cohortId }), expand: 'user', sort: 'created' });
  return rows.map((m) => memberSchema.parse(m));
}

export async function removeMember(pb: PocketBase, memberId: string): Promise<void> {
  await pb.collection('cohort_members').delete(memberId);
}

export async function latestRound(pb: PocketBase, cohortId: string): Promise<Round | null> {
  const page = await pb.collection('cohort_rounds').getList(1, 1, { filter: pb.filter('cohort = {:c}', { c: cohortId }), sort: '-created', expand: 'vignette' });
  return page.items[0] ? roundSchema.parse(page.items[0]) : null;
}

export async function getRound(pb: PocketBase, id: string): Promise<Round> {
  return roundSchema.parse(await pb.collection('cohort_rounds').getOne(id, { expand: 'vignette' }));
}

export async function openRound(pb: PocketBase, cohortId: string, vignette: string): Promise<{ id: string }> {
  return (await pb.send(`/api/tettpa/cohorts/${encodeURIComponent(cohortId)}/rounds`, { method: 'POST', body: JSON.stringify({ vignette }), ...json })) as { id: string };
}

export async function submitRoundCodes(pb: PocketBase, roundId: string, scores: Record<string, number>) {
  return pb.send(`/api/tettpa/rounds/${encodeURIComponent(roundId)}/codes`, { method: 'POST', body: JSON.stringify({ scores }), ...json });
}

export async function revealRound(pb: PocketBase, roundId: string) {
  return pb.send(`/api/tettpa/rounds/${encodeURIComponent(roundId)}/reveal`, { method: 'POST', ...json });
}

export async function roundResult(pb: PocketBase, roundId: string): Promise<RoundResult> {
  return resultSchema.parse(await pb.send(`/api/tettpa/rounds/${encodeURIComponent(roundId)}/result`, { method: 'GET' }));
}

export async function hasSubmitted(pb: PocketBase, roundId: string, userId: string): Promise<boolean> {
  const page = await pb.collection('round_codes').getList(1, 1, { filter: pb.filter('round = {:r} && user = {:u}', { r: roundId, u: userId }) });
  return page.items.length > 0;
}

/** Calls back on every change to the rounds of a cohort; returns the unsubscribe function. */
export async function watchRounds(pb: PocketBase, cohortId: string, onChange: (round: Round) => void): Promise<() => Promise<void>> {
  return pb.collection('cohort_rounds').subscribe('*', (event) => onChange(roundSchema.parse(event.record)), {
    filter: pb.filter('cohort = {:c}', { c: cohortId }),
  });
}
