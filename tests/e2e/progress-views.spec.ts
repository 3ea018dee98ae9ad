// Progress that is never lost, and the views learners and leaders need.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, baseUrl, freshLearner, logIn, axeViolations } from './fixtures';
import { createBarnehage, createUser, superuser, PASSWORD } from '../support/accounts';

const LESSON = '/kurs/nyansatt/hva-er-tett-pa/';
const courseIndex = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../dist/kurs/index.json'), 'utf8')) as {
  courses: Array<{ id: string; title: string; lessons: Array<{ id: string }> }>;
};

test('offline mid-lesson: the completion is queued, shown as pending, and stored once when the network returns', async ({ page, context }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: LESSON });
  await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Marker leksjonen som fullført' }).click();
  await expect(page.getByTestId('lesson-status')).toContainText('Fullført');
  await expect(page.getByText('Fremdriften er ikke sendt ennå')).toBeVisible();
  const root = await superuser(baseUrl());
  const rowsOf = () => root.collection('progress').getFullList({ filter: root.filter('user = {:u}', { u: learner.id }) });
  expect((await rowsOf())[0]?.status).toBe('incomplete');

  await context.setOffline(false);
  await expect(page.getByText('Fremdriften er lagret.')).toBeVisible();
  const rows = await rowsOf();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ lesson: 'hva-er-tett-pa', status: 'completed' });
});

test('a learner comes back to where they left off, in the lesson and from Min side', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email, { next: LESSON });
  await expect(page.getByTestId('lesson-status')).toContainText('Påbegynt');
  // A heading with room below it: the next heading is more than the top 30 % of the window
  // away, so that once it sits at the top it is the only heading in the zone that marks the place.
  const id = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('article h2[id], article h3[id]')];
    const roomy = all.findIndex((h, i) => i >= 2 && h.tagName === 'H2' && all[i + 1] !== undefined && all[i + 1]!.offsetTop - h.offsetTop > window.innerHeight * 0.5 && document.documentElement.scrollHeight - h.offsetTop > window.innerHeight * 1.2);
    return roomy === -1 ? '' : all[roomy]!.id;
  });
  expect(id).not.toBe('');
  const heading = page.locator(`[id="${id}"]`);
  await heading.evaluate((h) => window.scrollTo({ top: h.getBoundingClientRect().top + window.scrollY - 10, behavior: 'instant' }));
  // The place is the heading scrolled to, and nothing else.
  const place = () => page.evaluate(() => window.API?.lmsGetValue('cmi.core.lesson_location') ?? '');
  await expect.poll(place).toBe(id);

  await page.goto(`${baseUrl()}/min-side/`);
  const resume = page.getByRole('link', { name: 'Fortsett der du slapp' });
  await expect(resume).toHaveAttribute('href', `${LESSON}#${id}`);
  await page.goto(`${baseUrl()}${LESSON}`);
  const inLesson = page.getByRole('link', { name: 'Fortsett der du slapp' });
  await expect(inLesson).toHaveAttribute('href', `#${id}`);
  // Following the link brings the saved heading into view.
  await inLesson.click();
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('Min side shows each course with progress, a certificate for a completed course, and the observer’s certification', async ({ page }) => {
  const learner = await freshLearner();
  const root = await superuser(baseUrl());
  const nyansatt = courseIndex.courses.find((c) => c.id === 'nyansatt')!;
  for (const lesson of nyansatt.lessons) {
    // As a passed knowledge check leaves it: the kursbevis asks for that (certificate.spec.ts).
    await learner.pb.collection('progress').create({ user: learner.id, course: 'nyansatt', lesson: lesson.id, status: 'passed', score: 100 });
  }
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().replace('T', ' ');
  await root.collection('users').update(learner.id, { certified_until: soon });

  await logIn(page, learner.email);
  const card = page.getByTestId('course-nyansatt');
  await expect(card).toContainText(`${nyansatt.lessons.length} av ${nyansatt.lessons.length} leksjoner fullført`);
  await expect(page.getByTestId('course-ar-1-class')).toContainText(/0 av \d+ leksjoner fullført/);
  await expect(page.getByTestId('recert-reminder')).toContainText(/\d+ dager igjen/);
  expect(await axeViolations(page)).toEqual([]);

  await card.getByRole('link', { name: 'Se og skriv ut kursbeviset' }).click();
  const certificate = page.getByTestId('certificate');
  await expect(certificate).toContainText('Lene Lærling');
  await expect(certificate).toContainText(nyansatt.title);
  await expect(certificate).toContainText(/Fullført \d+\. \w+ \d{4}/);
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut kursbeviset' })).toBeHidden();
});

test('a learner downloads their data and deletes their account after confirming', async ({ page }) => {
  const learner = await freshLearner();
  await logIn(page, learner.email);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned dataene mine (JSON)' }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.user).toMatchObject({ id: learner.id, email: learner.email });

  await page.getByRole('button', { name: 'Slett kontoen min' }).click();
  await page.getByLabel('Skriv passordet ditt for å bekrefte').fill('feil-passord');
  await page.getByRole('button', { name: 'Ja, slett kontoen min for godt' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Passordet stemmer ikke' })).toBeVisible();
  await page.getByLabel('Skriv passordet ditt for å bekrefte').fill(PASSWORD);
  await page.getByRole('button', { name: 'Ja, slett kontoen min for godt' }).click();
  await expect(page.getByText('Kontoen din er slettet.')).toBeVisible();
  const root = await superuser(baseUrl());
  await expect(root.collection('users').getOne(learner.id)).rejects.toMatchObject({ status: 404 });
});

test('a styrer sees their own staff, filters by stilling and downloads a CSV with æøå', async ({ page }) => {
  const root = await superuser(baseUrl());
  const barnehage = await createBarnehage(root, `Bjørkelia ${Date.now()}`);
  const styrer = await createUser(root, 'styrer', barnehage.id, 'Styrer Åse');
  const ped = await createUser(root, 'deltaker', barnehage.id, 'Pål Pedagog');
  await root.collection('users').update(ped.id, { stilling: 'pedagog' });
  const assistent = await createUser(root, 'deltaker', barnehage.id, 'Øyvind Assistent');
  await root.collection('users').update(assistent.id, { stilling: 'assistent' });
  await ped.pb.collection('progress').create({ user: ped.id, course: 'nyansatt', lesson: 'hva-er-tett-pa', status: 'completed' });

  await logIn(page, styrer.email, { next: '/leder/' });
  await expect(page.getByRole('link', { name: 'Leder' })).toBeVisible();
  // One of the course's lessons done: begun, not complete, counted against every lesson of the course.
  const nyansattLessons = courseIndex.courses.find((c) => c.id === 'nyansatt')!.lessons.length;
  expect(nyansattLessons).toBeGreaterThan(1);
  await expect(page.getByTestId(`staff-${ped.id}`)).toContainText(`Påbegynt: 1 av ${nyansattLessons}`);
  await expect(page.getByTestId(`staff-${ped.id}`)).not.toContainText('Fullført');
  await expect(page.getByTestId(`staff-${assistent.id}`)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Vis stilling').selectOption('assistent');
  await expect(page.getByTestId(`staff-${ped.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`staff-${assistent.id}`)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned som regneark (CSV)' }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text).toContain('Øyvind Assistent');
  expect(text).toContain('Bjørkelia');
  expect(text.split('\r\n')[0]).toContain('Barnehage;Pulje;Navn');
});

test('admin sees completion per pulje and per kindergarten; a learner is turned away', async ({ page }) => {
  const root = await superuser(baseUrl());
  const admin = await createUser(root, 'admin', (await createBarnehage(root)).id);
  await logIn(page, admin.email, { next: '/admin/' });
  await expect(page.getByRole('table', { name: 'Per pulje' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Per barnehage' }).locator('tbody tr').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const learner = await freshLearner();
  await page.goto(`${baseUrl()}/logg-inn/?logg-ut=1`);
  await logIn(page, learner.email, { next: '/admin/' });
  await expect(page.getByText('Denne siden er for Kompetanseteam barnehage.')).toBeVisible();
});
