/**
 * Brings the knowledge checks of a page to life (KnowledgeCheck.astro renders them): each answer
 * is explained at once, the score is shown and goes to the lesson's SCORM API, and a check below
 * the pass mark may be taken again. Plain DOM code, so that a lesson needs no framework for it.
 */
import { readStoredSession } from '../auth/stored-session';
import { whenLessonApi, readSuspendData, writeSuspendData } from '../scorm/lesson-api';
import type { Scorm12Api as LessonApi } from '../scorm/scorm12-api';
import { reportQuizResult } from '../scorm/quiz-result';
import { optionOrder, questionSeed } from './option-order';
import { quizScore, type QuizQuestion } from './quiz';

interface Words {
  right: string;
  wrong: string;
  rightOption: string;
  score: string;
  passed: string;
  failed: string;
  offline: string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}

function startQuiz(box: HTMLElement): void {
  const id = box.dataset.quiz ?? '';
  const questions = JSON.parse(box.dataset.questions ?? '[]') as QuizQuestion[];
  const words = JSON.parse(box.dataset.words ?? '{}') as Words;
  const pass = Number(box.dataset.pass);
  const storageKey = `quiz:${id}`;
  const items = [...box.querySelectorAll<HTMLLIElement>('li[data-question]')];
  const scoreBox = box.querySelector<HTMLElement>('[data-score]')!;
  const retryButton = box.querySelector<HTMLButtonElement>('[data-retry]')!;
  let answered: Array<number | null> = questions.map(() => null);
  let api: LessonApi | null = null;

  const radios = (i: number) => [...items[i]!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const chosen = (i: number) => {
    const checked = radios(i).find((r) => r.checked);
    return checked ? Number(checked.value) : undefined;
  };

  // A learner's own order of the options, the same on every visit (the page holds the reader's order).
  const userId = readStoredSession()?.id ?? null;
  if (userId) {
    questions.forEach((q, i) => {
      const list = items[i]!.querySelector('[data-options]')!;
      const labels = new Map([...list.querySelectorAll<HTMLElement>('label[data-option]')].map((l) => [Number(l.dataset.option), l]));
      for (const o of optionOrder(q.options.length, questionSeed(q.question, id, userId))) list.append(labels.get(o)!);
    });
  }

  function showQuestion(i: number): void {
    const q = questions[i]!;
    const result = answered[i] ?? null;
    const li = items[i]!;
    li.querySelector('fieldset')!.disabled = result !== null;
    const button = li.querySelector<HTMLButtonElement>('[data-answer]')!;
    button.hidden = result !== null;
    button.disabled = chosen(i) === undefined;
    for (const label of li.querySelectorAll<HTMLElement>('label[data-option]')) {
      const o = Number(label.dataset.option);
      label.classList.toggle('right', result !== null && o === q.correct);
      label.classList.toggle('wrong', result === o && o !== q.correct);
      label.querySelector('.visually-hidden')?.remove();
      if (result !== null && o === q.correct) label.append(element('span', 'visually-hidden', `(${words.rightOption})`));
    }
    const explanation = li.querySelector<HTMLElement>('.explanation')!;
    explanation.replaceChildren();
    if (result === null) return;
    const note = element('p', `notice ${result === q.correct ? 'ok' : 'error'}`);
    note.id = `${id}-svar-${i}`;
    note.tabIndex = -1;
    note.append(element('strong', '', result === q.correct ? words.right : words.wrong), ` ${q.explanation}`);
    explanation.append(note);
  }

  function showScore(): void {
    const done = answered.every((a) => a !== null);
    const score = quizScore(questions, answered);
    scoreBox.replaceChildren();
    retryButton.hidden = !(done && score.percent < pass);
    if (!done) return;
    const passed = score.percent >= pass;
    const note = element('p', `notice ${passed ? 'ok' : 'warn'}`);
    note.append(element('strong', '', words.score.replace('{right}', String(score.right)).replace('{total}', String(score.total))), ` ${passed ? words.passed : words.failed}`);
    scoreBox.append(note);
  }

  function answer(i: number): void {
    const choice = chosen(i);
    if (choice === undefined || answered[i] !== null) return;
    answered[i] = choice;
    showQuestion(i);
    showScore();
    // The answer button goes away; focus goes to what the learner needs next, the feedback.
    document.getElementById(`${id}-svar-${i}`)?.focus();
    if (!api) return;
    writeSuspendData(api, storageKey, answered);
    if (answered.every((a) => a !== null)) reportQuizResult(api, quizScore(questions, answered).percent);
  }

  // A check below the pass mark may be taken again (the kursbevis asks for the pass mark); the
  // lesson keeps its last score until the new attempt is answered in full.
  function retry(): void {
    answered = questions.map(() => null);
    items.forEach((_, i) => {
      for (const r of radios(i)) r.checked = false;
      showQuestion(i);
    });
    showScore();
    if (api) writeSuspendData(api, storageKey, answered);
    box.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }

  items.forEach((li, i) => {
    li.addEventListener('change', () => showQuestion(i));
    li.querySelector('[data-answer]')!.addEventListener('click', () => answer(i));
  });
  retryButton.addEventListener('click', retry);

  // Offline the answers still count: the score goes through the lesson's commit queue.
  const offlineBox = box.querySelector<HTMLElement>('[data-offline]')!;
  const showOffline = () => {
    const note = element('p', 'notice warn', words.offline);
    note.setAttribute('role', 'status');
    offlineBox.replaceChildren(...(navigator.onLine === false ? [note] : []));
  };
  window.addEventListener('offline', showOffline);
  window.addEventListener('online', showOffline);
  showOffline();

  whenLessonApi((lessonApi) => {
    api = lessonApi;
    if (!api) return;
    const saved = readSuspendData(api)[storageKey];
    if (!Array.isArray(saved) || saved.length !== questions.length) return;
    answered = saved.map((a) => (typeof a === 'number' ? a : null));
    items.forEach((_, i) => {
      for (const r of radios(i)) r.checked = Number(r.value) === answered[i];
      showQuestion(i);
    });
    showScore();
  });
}

export function startQuizzes(): void {
  for (const box of document.querySelectorAll<HTMLElement>('[data-quiz]')) startQuiz(box);
}
