/** The leaders' reports (pb_hooks/reports.pb.js), checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

const courseSchema = z.object({ id: z.string(), title: z.string(), lessons: z.number() });

const staffSchema = z.object({
  courses: z.array(courseSchema),
  staff: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      stilling: z.string(),
      barnehage: z.string(),
      /** The person's department by name; absent or '' where departments are not in use. */
      avdeling: z.optional(z.string()),
      courses: z.record(z.string(), z.object({ done: z.number(), last: z.string(), status: z.string() })),
    }),
  ),
});
export type StaffReport = z.infer<typeof staffSchema>;

const completionSchema = z.object({
  courses: z.array(courseSchema),
  barnehager: z.array(
    z.object({ id: z.string(), name: z.string(), pulje: z.number(), staff: z.number(), completed: z.record(z.string(), z.number()), started: z.optional(z.record(z.string(), z.number())) }),
  ),
  puljer: z.array(
    z.object({ pulje: z.number(), barnehager: z.number(), staff: z.number(), completed: z.record(z.string(), z.number()), started: z.optional(z.record(z.string(), z.number())) }),
  ),
});
export type CompletionReport = z.infer<typeof completionSchema>;

export async function staffReport(pb: PocketBase): Promise<StaffReport> {
  return staffSchema.parse(await pb.send('/api/tettpa/reports/staff', { method: 'GET' }));
}

export async function completionReport(pb: PocketBase): Promise<CompletionReport> {
  return completionSchema.parse(await pb.send('/api/tettpa/reports/completion', { method: 'GET' }));
}
