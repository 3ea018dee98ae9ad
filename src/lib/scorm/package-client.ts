/** The uploaded SCORM 1.2 packages, through our routes (server/scorm_routes.go). */
import type { ServerApi } from '../pocketbase/server-api';
import { bool, fields, list, text } from '../shape';

export interface Sco {
  identifier: string;
  title: string;
  launch: string;
}

export interface UploadedPackage {
  id: string;
  title: string;
  scos: Sco[];
}

function readSco(value: unknown): Sco {
  const o = fields(value);
  return { identifier: text(o, 'identifier'), title: text(o, 'title'), launch: text(o, 'launch') };
}

function readPackage(value: unknown): UploadedPackage {
  const o = fields(value);
  return { id: text(o, 'id'), title: text(o, 'title'), scos: list(o, 'scos', readSco) };
}

const ROUTE = '/api/tettpa/scorm/packages';

/** Sends a zip; the server checks it and answers with the package or a Norwegian refusal (thrown). */
export async function uploadScormPackage(pb: ServerApi, file: File): Promise<UploadedPackage> {
  const form = new FormData();
  form.append('file', file);
  return readPackage(await pb.send(ROUTE, { method: 'POST', body: form }));
}

export async function listScormPackages(pb: ServerApi): Promise<UploadedPackage[]> {
  return list(fields(await pb.send(ROUTE, { method: 'GET' })), 'items', readPackage);
}

export interface ListedPackage extends UploadedPackage {
  removed: boolean;
}

/** Every package, removed ones too (marked): to name the progress a learner has on them. */
export async function listAllScormPackages(pb: ServerApi): Promise<ListedPackage[]> {
  return list(fields(await pb.send(ROUTE, { method: 'GET', query: { alle: '1' } })), 'items', (item) => ({ ...readPackage(item), removed: bool(fields(item), 'removed') }));
}

/** A short-lived ticket for the package's files (server/scorm_ticket.go): the sandboxed frame has no login of its own. */
export async function packageFileTicket(pb: ServerApi, packageId: string): Promise<string> {
  return text(fields(await pb.send(`${ROUTE}/${encodeURIComponent(packageId)}/ticket`, { method: 'GET' })), 'ticket');
}
