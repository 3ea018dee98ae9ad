/** The learner's own account: profile, export and deletion (routes in pb_hooks/me.pb.js). */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

const profileSchema = z.object({ id: z.string(), name: z.string(), role: z.string(), certified_until: z.optional(z.string()) });
export type Profile = z.infer<typeof profileSchema>;

export async function loadProfile(pb: PocketBase, userId: string): Promise<Profile> {
  return profileSchema.parse(await pb.collection('users').getOne(userId, { fields: 'id,name,role,certified_until' }));
}

/** Saves a blob as a download, named as given. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches a file from one of our routes with the learner's token (a plain link would carry none). */
export async function fetchFile(pb: PocketBase, path: string): Promise<Blob> {
  const res = await fetch(pb.buildURL(path), { headers: { Authorization: pb.authStore.token } });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return res.blob();
}

export async function deleteAccount(pb: PocketBase, password: string): Promise<void> {
  await pb.send('/api/tettpa/me/delete', { method: 'POST', body: JSON.stringify({ password }), headers: { 'Content-Type': 'application/json' } });
}
