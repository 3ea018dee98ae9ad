// A visitor who is not logged in reads nothing of anyone, whatever the data looks like. The risky
// shapes are records with an empty relation: PocketBase compares the visitor's empty auth id as
// matching them, so a department without leaders, a cohort without members or a network without
// leaders once opened their rows to everybody. Every collection of ours is listed and viewed here.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { createBarnehage, createUser, superuser } from '../support/accounts';

const url = inject('pocketbaseUrl');
/** Public on purpose: the kindergartens' names and the vignettes' public metadata. */
const PUBLIC = new Set(['barnehager', 'vignettes']);
const ids = new Map<string, string>();
let collections: string[] = [];

async function anonymous(path: string) {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, json: (await res.json()) as { items?: unknown[]; totalItems?: number } };
}

async function emptyRelationsEverywhere(root: PocketBase) {
  const barnehage = await createBarnehage(root);
  const user = await createUser(root, 'deltaker', barnehage.id, 'Uten Avdeling');
  const avdeling = await root.collection('avdelinger').create({ barnehage: barnehage.id, name: `Uten leder ${Date.now()}`, ageGroup: 'pre-k', leaders: [] });
  await root.collection('users').update(user.id, { avdeling: avdeling.id });
  ids.set('avdelinger', avdeling.id);
  ids.set('users', user.id);
  const month = new Date().toISOString().slice(0, 7);
  const story = await root.collection('praksisfortellinger').create({
    author: user.id,
    avdeling: avdeling.id,
    month,
    dimension: 'positive-climate',
    text: 'Jeg satte meg ned på gulvet og lot barna vise meg hva de hadde bygd i dag.',
  });
  ids.set('praksisfortellinger', story.id);
  const leader = await createUser(root, 'kursleder', barnehage.id);
  const cohort = await root.collection('cohorts').create({ leader: leader.id, name: 'Uten deltakere', capacity: 5 });
  ids.set('cohorts', cohort.id);
  const network = await root.collection('nettverk').create({ name: `Uten ledere ${Date.now()}`, leaders: [] });
  ids.set('nettverk', network.id);
  await root.collection('progress').create({ user: user.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'incomplete' });
  await root.collection('reflections').create({ user: user.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', prompt: 'p', text: 'privat' }).catch(() => undefined);
}

beforeAll(async () => {
  const root = await superuser(url);
  await emptyRelationsEverywhere(root);
  collections = (await root.collections.getFullList()).filter((c) => !c.system).map((c) => c.name);
});

describe('a visitor who is not logged in', () => {
  it('knows which collections there are to try', () => {
    expect(collections).toEqual(expect.arrayContaining(['users', 'progress', 'praksisfortellinger', 'avdelinger', 'cohorts', 'nettverk', 'panel_codes']));
  });

  it('lists nothing in any collection that is not public on purpose', async () => {
    const leaks: string[] = [];
    for (const name of collections.filter((c) => !PUBLIC.has(c))) {
      const { status, json } = await anonymous(`/api/collections/${name}/records?perPage=5`);
      if (status === 200 && (json.items?.length ?? 0) > 0) leaks.push(`${name}: ${json.totalItems} rader`);
    }
    expect(leaks).toEqual([]);
  });

  it('opens none of the records made with empty relations', async () => {
    for (const [name, id] of ids) {
      expect([403, 404], `${name}/${id}`).toContain((await anonymous(`/api/collections/${name}/records/${id}`)).status);
    }
  });
});
