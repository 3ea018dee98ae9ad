// Kursbevis: issued by the server only once every lesson is completed and every knowledge check
// passed (80 %); its code confirms name, course and date on a public route and nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { createBarnehage, createUser, superuser, PASSWORD, type TestUser } from '../support/accounts';
import { call } from '../support/api';

const url = inject('pocketbaseUrl');
const index = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../dist/kurs/index.json'), 'utf8')) as {
  courses: Array<{ id: string; title: string; lessons: Array<{ id: string; title: string; minutes: number; quiz: boolean }> }>;
};
const course = index.courses.find((c) => c.id === 'nyansatt')!;
let root: PocketBase;
let barnehage: { id: string; name: string };

async function learnerWith(status: string, score: number | null, except?: { lesson: string; status: string; score: number | null }): Promise<TestUser> {
  const learner = await createUser(root, 'deltaker', barnehage.id, 'Siri Sertifisert');
  for (const lesson of course.lessons) {
    const row = except && except.lesson === lesson.id ? except : { status, score };
    await learner.pb.collection('progress').create({ user: learner.id, course: course.id, lesson: lesson.id, status: row.status, ...(row.score === null ? {} : { score: row.score }) });
  }
  return learner;
}

const certificatesOf = (learner: TestUser) => root.collection('certificates').getFullList({ filter: root.filter('user = {:u}', { u: learner.id }) });

beforeAll(async () => {
  root = await superuser(url);
  barnehage = (await createBarnehage(root, `Kursbevis barnehage ${Date.now()}`)) as unknown as { id: string; name: string };
});

describe('kursbevis', () => {
  it('needs a login and a real course', async () => {
    expect((await call(null, 'GET', '/api/tettpa/me/certificates/nyansatt', undefined, url)).status).toBe(401);
    const learner = await createUser(root, 'deltaker', barnehage.id);
    const unknown = await call(learner.pb, 'GET', '/api/tettpa/me/certificates/finnes-ikke');
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('Fant ikke kurset.');
  });

  it('is refused when every lesson is ticked as completed but no knowledge check is answered, and nothing is stored', async () => {
    const learner = await learnerWith('completed', null);
    const answer = await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`);
    expect(answer.status).toBe(409);
    expect(answer.json.message).toMatch(/^Kursbeviset er ikke klart ennå\. Dette mangler: /);
    expect(answer.json.missing).toHaveLength(course.lessons.length);
    expect(answer.json.missing.every((m: { state: string }) => m.state === 'quizMissing')).toBe(true);
    expect(await certificatesOf(learner)).toHaveLength(0);
  });

  it('is refused while one knowledge check is below 80 %, and names that lesson', async () => {
    const weak = course.lessons[2]!;
    const learner = await learnerWith('passed', 100, { lesson: weak.id, status: 'failed', score: 60 });
    const answer = await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`);
    expect(answer.status).toBe(409);
    expect(answer.json.missing).toEqual([{ lesson: weak.id, title: weak.title, state: 'quizFailed' }]);
    expect(answer.json.message).toContain(`«${weak.title}» (under 80 % riktige på kunnskapssjekken)`);
  });

  it('is refused when a lesson is not started', async () => {
    const learner = await createUser(root, 'deltaker', barnehage.id);
    await learner.pb.collection('progress').create({ user: learner.id, course: course.id, lesson: course.lessons[0]!.id, status: 'passed', score: 100 });
    const answer = await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`);
    expect(answer.status).toBe(409);
    expect(answer.json.missing).toHaveLength(course.lessons.length - 1);
    expect(answer.json.missing[0].state).toBe('notStarted');
  });

  it('is issued once every check is passed: name, kindergarten, lessons, minutes and one stable code', async () => {
    const learner = await learnerWith('passed', 80);
    const first = await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      name: 'Siri Sertifisert',
      barnehage: barnehage.name,
      course: { id: course.id, title: course.title },
      lessons: course.lessons.map((l) => l.title),
      minutes: course.lessons.reduce((sum, l) => sum + l.minutes, 0),
    });
    expect(first.json.code).toMatch(/^[A-HJ-NP-Z2-9]{16}$/);
    const again = await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`);
    expect(again.json.code).toBe(first.json.code);
    expect(again.json.issuedAt).toBe(first.json.issuedAt);
    const stored = await certificatesOf(learner);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ course: course.id, code: first.json.code });
  });

  it('a completed lesson with a check of 80 % or more counts too (the score is what the check said)', async () => {
    const learner = await learnerWith('completed', 90);
    expect((await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`)).status).toBe(200);
  });

  it('verifies publicly with name, course and date only; bad and unknown codes get Norwegian answers', async () => {
    const learner = await learnerWith('passed', 100);
    const issued = (await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`)).json;
    const typed = `${issued.code.slice(0, 4)}-${issued.code.slice(4, 8)}-${issued.code.slice(8)}`.toLowerCase();
    const ok = await call(null, 'GET', `/api/tettpa/certificates/verify?kode=${encodeURIComponent(` ${typed} `)}`, undefined, url);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ name: 'Siri Sertifisert', course: course.title, date: issued.issuedAt });

    const malformed = await call(null, 'GET', '/api/tettpa/certificates/verify?kode=ABC', undefined, url);
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/^En kode for kursbevis har 16 tegn/);
    const unknown = await call(null, 'GET', '/api/tettpa/certificates/verify?kode=AAAABBBBCCCCDDDD', undefined, url);
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('Fant ikke noe kursbevis med denne koden.');
  });

  it('only the server issues them, and a learner reads only their own', async () => {
    const learner = await learnerWith('passed', 100);
    await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`);
    const other = await createUser(root, 'deltaker', barnehage.id);
    await expect(other.pb.collection('certificates').create({ user: other.id, course: course.id, code: 'AAAABBBBCCCCDDDD', issuedAt: '2026-01-01 00:00:00Z' })).rejects.toMatchObject({ status: 403 });
    expect(await other.pb.collection('certificates').getFullList()).toHaveLength(0);
    expect(await learner.pb.collection('certificates').getFullList()).toHaveLength(1);
  });

  it('is in the learner’s data export, and goes (code and all) with their account', async () => {
    const learner = await learnerWith('passed', 100);
    const issued = (await call(learner.pb, 'GET', `/api/tettpa/me/certificates/${course.id}`)).json;
    const exported = await call(learner.pb, 'GET', '/api/tettpa/me/export');
    expect(exported.json.certificates).toEqual([expect.objectContaining({ course: course.id, code: issued.code, issuedAt: issued.issuedAt })]);
    expect((await call(learner.pb, 'POST', '/api/tettpa/me/delete', { password: PASSWORD })).status).toBe(204);
    expect(await certificatesOf(learner)).toHaveLength(0);
    expect((await call(null, 'GET', `/api/tettpa/certificates/verify?kode=${issued.code}`, undefined, url)).status).toBe(404);
  });

  it('a passed lesson stays passed when a stale commit says completed', async () => {
    const learner = await createUser(root, 'deltaker', barnehage.id);
    const row = await learner.pb.collection('progress').create({ user: learner.id, course: course.id, lesson: course.lessons[0]!.id, status: 'passed', score: 100 });
    expect((await learner.pb.collection('progress').update(row.id, { status: 'completed' })).status).toBe('passed');
  });
});
