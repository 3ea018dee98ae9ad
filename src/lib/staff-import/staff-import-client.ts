/** The staff import route (server/staffimport): a preview, then the import, checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';
import { statusOf } from '../pocketbase/request-status';
import type { StringKey } from '../../i18n/nb';
import { t } from '../../i18n/t';

const problemSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof problemSchema>;

const rowSchema = z.object({
  line: z.number(),
  email: z.string(),
  name: z.string(),
  barnehage: z.string(),
  stilling: z.string(),
  role: z.string(),
  avdeling: z.string(),
  action: z.enum(['created', 'updated', 'unchanged']),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type ImportRow = z.infer<typeof rowSchema>;

const resultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(problemSchema),
  warnings: z.array(problemSchema),
  rows: z.array(rowSchema),
  notInFile: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), barnehage: z.string(), role: z.string() })),
  barnehagerCreated: z.array(z.object({ name: z.string(), pulje: z.number(), eierform: z.string(), line: z.number() })),
  encoding: z.optional(z.string()),
  separator: z.optional(z.string()),
  message: z.optional(z.string()),
});
export type ImportResult = z.infer<typeof resultSchema>;

export const STAFF_IMPORT_ROUTE = '/api/tettpa/admin/staff-import';

/**
 * Sends the file as a preview (`dryRun`) or for real. A refused file (400) answers with the same
 * body as a preview, its errors listed, so it is returned rather than thrown.
 */
export async function sendStaffFile(pb: PocketBase, file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  form.append('dryRun', String(dryRun));
  try {
    return resultSchema.parse(await pb.send(STAFF_IMPORT_ROUTE, { method: 'POST', body: form }));
  } catch (error) {
    if (statusOf(error) === 400) {
      const refused = resultSchema.safeParse((error as { response?: unknown }).response);
      if (refused.success) return refused.data;
    }
    throw error;
  }
}

/** The good lines of a result, grouped by what happens to each person. */
export function rowsByAction(result: ImportResult): Record<ImportRow['action'], ImportRow[]> {
  const groups: Record<ImportRow['action'], ImportRow[]> = { created: [], updated: [], unchanged: [] };
  for (const row of result.rows) groups[row.action].push(row);
  return groups;
}

/** A stored stilling or role as the admin reads it; a value the site has no name for, as it is. */
export function valueLabel(kind: 'stilling' | 'role', value: string): string {
  if (!value) return '';
  // Written out per kind so that the island's string table holds every stilling.* and role.* key.
  const key = (kind === 'stilling' ? `stilling.${value}` : `role.${value}`) as StringKey;
  const label = t(key);
  return label === key ? value : label;
}

/** A change's before and after, named as in the site when the field is a stilling or a role. */
export function changeLabel(change: { field: string; from: string; to: string }): string {
  const field = change.field.trim().toLowerCase();
  const kind = field === 'stilling' ? 'stilling' : field === 'rolle' ? 'role' : null;
  const show = (v: string) => (v ? (kind ? valueLabel(kind, v) : v) : t('staffImport.blank'));
  return t('staffImport.change', { field: change.field, from: show(change.from), to: show(change.to) });
}
