// A learner's reflections are theirs alone: no other learner, styrer or admin reads them.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, statusOf, superuser, type TestUser } from '../support/accounts';

const url = inject('pocketbaseUrl');
let learner: TestUser;
let others: TestUser[];
let reflectionId: string;

beforeAll(async () => {
  const root = await superuser(url);
  const barnehage = await createBarnehage(root);
  learner = await createUser(root, 'deltaker', barnehage.id);
  others = [
    await createUser(root, 'deltaker', barnehage.id),
    await createUser(root, 'styrer', barnehage.id),
    await createUser(root, 'kursleder', barnehage.id),
    await createUser(root, 'admin', barnehage.id),
  ];
  const created = await learner.pb.collection('reflections').create({
    user: learner.id,
    course: 'nyansatt',
    lesson: 'hva-er-tett-pa',
    prompt: 'egen-praksis',
    text: 'Min private tanke om **samspill**.',
  });
  reflectionId = created.id;
});

describe('reflections', () => {
  it('the learner reads and edits their own reflection', async () => {
    const own = await learner.pb.collection('reflections').getOne(reflectionId);
    expect(own.text).toContain('private tanke');
    expect((await learner.pb.collection('reflections').update(reflectionId, { text: 'Endret.' })).text).toBe('Endret.');
  });

  it('nobody else reads it: not another learner, the styrer, a kursleder or admin', async () => {
    for (const other of others) {
      expect(await other.pb.collection('reflections').getFullList(), other.role).toHaveLength(0);
      expect(await statusOf(other.pb.collection('reflections').getOne(reflectionId)), other.role).toBe(404);
      expect(await statusOf(other.pb.collection('reflections').update(reflectionId, { text: 'x' })), other.role).toBe(404);
    }
    expect(await statusOf(new PocketBase(url).collection('reflections').getOne(reflectionId))).toBe(404);
  });

  it('nobody writes a reflection in another’s name, and there is one per prompt', async () => {
    const forged = others[0]!.pb.collection('reflections').create({ user: learner.id, course: 'nyansatt', lesson: 'x', prompt: 'y', text: 'falsk' });
    expect(await statusOf(forged)).toBe(400);
    const again = learner.pb.collection('reflections').create({ user: learner.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', prompt: 'egen-praksis', text: 'to' });
    expect(await statusOf(again)).toBe(400);
  });

  it('the learner may delete their own reflection', async () => {
    const temp = await learner.pb.collection('reflections').create({ user: learner.id, course: 'nyansatt', lesson: 'slett', prompt: 'meg', text: 'bort' });
    await learner.pb.collection('reflections').delete(temp.id);
    expect(await statusOf(learner.pb.collection('reflections').getOne(temp.id))).toBe(404);
  });
});
