/** The states of a page that needs a logged-in user, loaded through the PocketBase SDK (view-load.ts). */
import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { pocketbase } from './pocketbase/client';
import { loadViewWith, type View } from './view-load';

export { loadAndFollow, type GateKind, type View } from './view-load';

export async function loadView<T>(load: (pb: PocketBase, user: RecordModel) => Promise<T>, roles?: string[]): Promise<View<T>> {
  return loadViewWith(pocketbase(), (pb, user) => load(pb, user as RecordModel), roles);
}
