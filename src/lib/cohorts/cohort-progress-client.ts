/** The leader's room: the assistant-course progress of one cohort (GET /api/tettpa/cohorts/{id}/progress). */
import type PocketBase from 'pocketbase';

export interface CohortProgressRow {
  user: string;
  lesson: string;
  status: string;
}

export async function cohortProgress(pb: PocketBase, cohortId: string): Promise<CohortProgressRow[]> {
  const answer: unknown = await pb.send(`/api/tettpa/cohorts/${encodeURIComponent(cohortId)}/progress`, { method: 'GET' });
  const items = (answer as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new Error('Uventet svar fra serveren om kursgruppens fremdrift.');
  return items.map((r) => ({ user: String(r.user), lesson: String(r.lesson), status: String(r.status) }));
}
