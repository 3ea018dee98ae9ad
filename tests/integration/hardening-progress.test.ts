// A progress row names a lesson that exists, and always the same one: a learner cannot move a
// completed row away to start the lesson over, nor store progress for a course that is not there.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import PocketBase from 'pocketbase';
import { createBarnehage, createUser, superuser, type TestUser } from '../support/accounts';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');
let root: PocketBase;
let learner: TestUser;

beforeAll(async () => {
  root = await superuser(url);
  learner = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
});

const rowsOf = (id: string) => root.collection('progress').getFullList({ filter: root.filter('user = {:u}', { u: id }) });

describe('the lesson of a progress row', () => {
  it.each([
    ['course', { course: 'ar-1-class' }],
    ['lesson', { lesson: 'roller-i-tett-pa' }],
    ['both', { course: 'assistentkurs', lesson: 'dag-1-velkommen-og-tett-pa' }],
  ])('cannot be changed after the row is stored (%s), with a Norwegian 400', async (_, change) => {
    const row = await learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
    const res = await call(learner.pb, 'PATCH', `/api/collections/progress/records/${row.id}`, { ...change, status: 'incomplete' });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('Kurs og leksjon kan ikke endres på en fremdrift som er lagret.');
    expect(await root.collection('progress').getOne(row.id)).toMatchObject({ course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });
    await root.collection('progress').delete(row.id);
  });

  it('may be sent again unchanged with each commit, as the lesson page does', async () => {
    const row = await learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: 'praksisfortellinger', status: 'incomplete' });
    const updated = await learner.pb.collection('progress').update(row.id, { course: 'nyansatt', lesson: 'praksisfortellinger', status: 'completed' });
    expect(updated.status).toBe('completed');
  });

  it.each([
    ['a course that does not exist', 'finnes-ikke', 'hva-er-tett-pa'],
    ['a lesson that is not in the course', 'nyansatt', 'positivt-klima'],
    ['a lesson that does not exist', 'ar-1-class', 'finnes-ikke'],
    ['an imported package that does not exist', 'pakke-abc123', 'leksjon-1'],
    ['an empty lesson', 'nyansatt', ''],
  ])('must exist: %s is refused with a Norwegian 400 and nothing is stored', async (_, course, lesson) => {
    const other = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
    const res = await call(other.pb, 'POST', '/api/collections/progress/records', { user: other.id, course, lesson, status: 'incomplete' });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^Fant ikke leksjonen .* Fremdrift lagres bare for leksjoner som finnes\.$/);
    expect(await rowsOf(other.id)).toHaveLength(0);
  });

  it('is accepted for every lesson of the catalogue the site publishes', async () => {
    const catalogue = (await (await fetch(`${url}/kurs/index.json`)).json()) as { courses: { id: string; lessons: { id: string }[] }[] };
    const other = await createUser(root, 'deltaker', (await createBarnehage(root)).id);
    let count = 0;
    for (const course of catalogue.courses) {
      for (const lesson of course.lessons) {
        await other.pb.collection('progress').create({ user: other.id, course: course.id, lesson: lesson.id, status: 'incomplete' });
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(30);
    expect(await rowsOf(other.id)).toHaveLength(count);
  });
});
