/** The uploaded SCORM 1.2 packages, through our routes (server/scorm_routes.go). */
import type PocketBase from 'pocketbase';
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';

export const scoSchema = z.object({ identifier: z.string(), title: z.string(), launch: z.string() });
export const uploadedPackageSchema = z.object({ id: z.string(), title: z.string(), scos: z.array(scoSchema) });
export type UploadedPackage = z.infer<typeof uploadedPackageSchema>;

const ROUTE = '/api/tettpa/scorm/packages';

/** Sends a zip; the server checks it and answers with the package or a Norwegian refusal (thrown). */
export async function uploadScormPackage(pb: PocketBase, file: File): Promise<UploadedPackage> {
  const form = new FormData();
  form.append('file', file);
  return uploadedPackageSchema.parse(await pb.send(ROUTE, { method: 'POST', body: form }));
}

export async function listScormPackages(pb: PocketBase): Promise<UploadedPackage[]> {
  const answer = z.object({ items: z.array(uploadedPackageSchema) }).parse(await pb.send(ROUTE, { method: 'GET' }));
  return answer.items;
}

const listedPackageSchema = z.object({ id: z.string(), title: z.string(), scos: z.array(scoSchema), removed: z.boolean() });
export type ListedPackage = z.infer<typeof listedPackageSchema>;

/** Every package, removed ones too (marked): to name the progress a learner has on them. */
export async function listAllScormPackages(pb: PocketBase): Promise<ListedPackage[]> {
  const answer = z.object({ items: z.array(listedPackageSchema) }).parse(await pb.send(ROUTE, { method: 'GET', query: { alle: '1' } }));
  return answer.items;
}

/** A short-lived ticket for the package's files (server/scorm_ticket.go): the sandboxed frame has no login of its own. */
export async function packageFileTicket(pb: PocketBase, packageId: string): Promise<string> {
  const answer = z.object({ ticket: z.string() }).parse(await pb.send(`${ROUTE}/${encodeURIComponent(packageId)}/ticket`, { method: 'GET' }));
  return answer.ticket;
}
