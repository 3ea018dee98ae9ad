import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';

const url = inject('pocketbaseUrl');
let learner: TestUser;

beforeAll(async () => {
  const root = await superuser(url);
  learner = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
});

describe('progress hooks', () => {
  it('a completed lesson stays completed when a later commit says incomplete', async () => {
    const row = await learner.pb.collection('progress').create({
      user: learner.id,
      course: 'nyansatt',
      lesson: 'hvorfor-prosesskvalitet',
      status: 'completed',
      time_seconds: 60,
    });
    const after = await learner.pb.collection('progress').update(row.id, { status: 'incomplete', time_seconds: 90 });
    expect(after.status).toBe('completed');
    expect(after.time_seconds).toBe(90);
  });

  it('an incomplete lesson can be completed', async () => {
    const row = await learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: 'class-i-korte-trekk', status: 'incomplete' });
    expect((await learner.pb.collection('progress').update(row.id, { status: 'passed' })).status).toBe('passed');
  });
});
