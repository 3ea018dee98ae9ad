/**
 * A lesson page for a logged-in learner (LessonProgress.astro): runs the progress session (the
 * SCORM runtime and the commit queue), announces the lesson's API to the quiz and the module
 * ticks, says whether the progress has reached the server, and offers "Fortsett der du slapp".
 * Loaded only when the page has found a session, so a reader never downloads scorm-again.
 */
import type { ServerApi } from '../pocketbase/server-api';
import type { StoredSession } from '../auth/stored-session';
import { announceLessonApi } from '../scorm/lesson-api';
import { watchLessonPlace } from '../scorm/lesson-place';
import type { Scorm12Api } from '../scorm/scorm12-api';
import { isDone, type LessonStatus } from './progress-record';
import { startProgressSession, type SyncState } from './progress-session';

interface Words {
  statuses: Record<LessonStatus, string>;
  saving: string;
  saved: string;
  pending: string;
  gone: string;
  loginAgain: string;
}

function showPhase(panel: HTMLElement, phase: 'anonymous' | 'loading' | 'ready'): void {
  for (const el of panel.querySelectorAll<HTMLElement>('[data-phase]')) el.hidden = el.dataset.phase !== phase;
}

function showSync(box: HTMLElement, sync: SyncState, words: Words, loginHref: string): void {
  const span = (className: string, text: string) => Object.assign(document.createElement('span'), { className, textContent: text });
  if (sync === 'saving') box.replaceChildren(words.saving);
  else if (sync === 'saved') box.replaceChildren(words.saved);
  else if (sync === 'pending') box.replaceChildren(span('notice warn', words.pending));
  else if (sync === 'expired') {
    const note = span('notice error', `${words.gone} `);
    note.append(Object.assign(document.createElement('a'), { href: loginHref, textContent: words.loginAgain }));
    box.replaceChildren(note);
  } else box.replaceChildren();
}

/** "Fortsett der du slapp": back to the heading where the learner last was in this lesson. */
function offerResume(api: Scorm12Api): void {
  const box = document.querySelector<HTMLElement>('[data-resume]');
  if (!box || window.location.hash) return;
  const status = api.LMSGetValue('cmi.core.lesson_status');
  const saved = api.LMSGetValue('cmi.core.lesson_location');
  if (!saved || status === 'completed' || status === 'passed' || !document.getElementById(saved)) return;
  const link = box.querySelector('a')!;
  link.href = `#${saved}`;
  link.addEventListener('click', () => (box.hidden = true), { once: true });
  box.hidden = false;
}

export function startLessonProgress(panel: HTMLElement, pb: ServerApi, learner: StoredSession): void {
  const words = JSON.parse(panel.dataset.words ?? '{}') as Words;
  const loginHref = panel.dataset.login ?? '/logg-inn/';
  const statusText = panel.querySelector<HTMLElement>('[data-status]')!;
  const doneNote = panel.querySelector<HTMLElement>('[data-done]')!;
  const completeButton = panel.querySelector<HTMLButtonElement>('[data-complete]')!;
  const syncBox = panel.querySelector<HTMLElement>('[data-sync]')!;
  showPhase(panel, 'loading');
  const session = startProgressSession({
    pb,
    user: { id: learner.id, name: learner.name },
    course: panel.dataset.course ?? '',
    lesson: panel.dataset.lesson ?? '',
    onChange: (view) => {
      showSync(syncBox, view.sync, words, loginHref);
      statusText.textContent = words.statuses[view.status];
      doneNote.hidden = !isDone(view.status);
      completeButton.hidden = isDone(view.status);
    },
  });
  completeButton.addEventListener('click', () => session.complete());
  void session.ready.then((api) => {
    showPhase(panel, 'ready');
    announceLessonApi(api);
    watchLessonPlace(api);
    offerResume(api);
  });
}
