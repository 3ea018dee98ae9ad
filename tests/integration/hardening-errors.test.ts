// Real refusals of PocketBase's collection API, as an island gets them from the SDK, read in Norwegian.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { norwegianMessage } from '../../src/lib/pocketbase/errors';

const url = inject('pocketbaseUrl');
let learner: TestUser;

beforeAll(async () => {
  const root = await superuser(url);
  learner = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
});

async function messageOf(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
  } catch (error) {
    return norwegianMessage(error);
  }
  throw new Error('the call was not refused');
}

const ENGLISH = /\b(the|failed|record|request|invalid|cannot|blank|must|allowed|wasn't|found)\b/i;

describe('collection errors a learner can meet', () => {
  it.each([
    ['an empty reflection', () => learner.pb.collection('reflections').create({ user: learner.id }), /må fylles ut/],
    ['a cohort a deltaker may not create', () => learner.pb.collection('cohorts').create({ leader: learner.id, name: 'Min gruppe' }), /ikke gyldig|tilgang/],
    ['a record that is not there', () => learner.pb.collection('progress').getOne('finnesikke12345'), /Fant ikke det du ba om/],
    ['a wrong password at login', () => new PocketBase(url).collection('users').authWithPassword(learner.email, 'feil-passord'), /ikke gyldig/],
    ['a list without a login', () => new PocketBase(url).collection('users').authRefresh(), /logget inn/],
    ['a name too long', () => learner.pb.collection('users').update(learner.id, { name: 'x'.repeat(500) }), /Navnet er for langt/],
  ])('%s', async (_, call, expected) => {
    const message = await messageOf(call());
    expect(message).toMatch(expected);
    expect(message).not.toMatch(ENGLISH);
  });

  it('an unknown lesson keeps our hook’s own Norwegian message', async () => {
    const message = await messageOf(learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: 'finnes-ikke', status: 'incomplete' }));
    expect(message).toMatch(/^Fant ikke leksjonen «finnes-ikke»/);
  });
});
