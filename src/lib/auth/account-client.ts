/** The learner's own account: profile, export and deletion (routes in pb_hooks/me.pb.js). */
import type { ServerApi } from '../pocketbase/server-api';
import { fields, optionalText, text } from '../shape';

export interface Profile {
  id: string;
  name: string;
  role: string;
  certified_until?: string;
}

export async function loadProfile(pb: ServerApi, userId: string): Promise<Profile> {
  const o = fields(await pb.collection('users').getOne(userId, { fields: 'id,name,role,certified_until' }));
  return { id: text(o, 'id'), name: text(o, 'name'), role: text(o, 'role'), certified_until: optionalText(o, 'certified_until') };
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
export async function fetchFile(pb: ServerApi, path: string): Promise<Blob> {
  // Our routes share the page's origin (as the SDK's buildURL would say).
  const res = await fetch(new URL(path, window.location.origin), { headers: { Authorization: pb.authStore.token } });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return res.blob();
}

export async function deleteAccount(pb: ServerApi, password: string): Promise<void> {
  await pb.send('/api/tettpa/me/delete', { method: 'POST', body: JSON.stringify({ password }), headers: { 'Content-Type': 'application/json' } });
}
