/**
 * A reflection box for a logged-in learner (Reflection.astro renders it). What is typed stays on
 * the device until the server has it (reflection-drafts), so neither a lost network nor a lost
 * session loses it; it is sent when both are back, without a reload. The preview of what was
 * saved loads marked and DOMPurify only when there is something to show.
 */
import type { ServerApi } from '../pocketbase/server-api';
import { isAuthError } from '../pocketbase/request-status';
import { currentLesson } from '../scorm/lesson-api';
import { loadReflection, saveReflection } from './reflection-client';
import { readDraft, writeDraft, clearDraft } from './reflection-drafts';
import { onSessionChange, announceSessionGone, loginAgainHref, isOffline, troubleOf } from '../auth/session-watch';

interface Words {
  saving: string;
  saved: string;
  sentLater: string;
  queued: string;
  error: string;
  server: string;
  gone: string;
  loginAgain: string;
  kept: string;
}

// queued: waits for the network; expired: waits for the learner to log in again; server: online,
// but the server did not answer (tried again after a while).
type Status = '' | 'saving' | 'saved' | 'sentLater' | 'error' | 'expired' | 'queued' | 'server';

export function startReflectionBox(box: HTMLElement, pb: ServerApi, userId: string): void {
  const lesson = currentLesson();
  if (!lesson) return;
  const where = { ...lesson, prompt: box.dataset.reflection ?? '' };
  const words = JSON.parse(box.dataset.words ?? '{}') as Words;
  const form = box.querySelector('form')!;
  const field = form.querySelector('textarea')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const saveStatus = form.querySelector<HTMLElement>('[data-save-status]')!;
  const alertBox = form.querySelector<HTMLElement>('[data-alert]')!;
  const preview = box.querySelector<HTMLElement>('[data-preview]')!;
  const previewHtml = box.querySelector<HTMLElement>('[data-preview-html]')!;
  let recordId: string | null = null;
  let status: Status = '';
  let saved = '';
  let retry: ReturnType<typeof setTimeout> | undefined;

  const showPhase = (phase: string) => box.querySelectorAll<HTMLElement>('[data-phase]').forEach((el) => (el.hidden = el.dataset.phase !== phase));
  const notice = (className: string, ...parts: Array<string | Node>) => {
    const el = document.createElement(className.startsWith('p ') ? 'p' : 'span');
    el.className = className.replace(/^p /, '');
    el.append(...parts);
    return el;
  };

  function setStatus(next: Status): void {
    status = next;
    button.disabled = status === 'saving';
    const text = { saving: words.saving, saved: words.saved, sentLater: words.sentLater } as Partial<Record<Status, string>>;
    if (status === 'queued') saveStatus.replaceChildren(notice('notice warn', words.queued));
    else saveStatus.replaceChildren(text[status] ?? '');
    if (status === 'error') alertBox.replaceChildren(notice('p notice error', words.error));
    else if (status === 'server') alertBox.replaceChildren(notice('p notice error', words.server));
    else if (status === 'expired') {
      const link = Object.assign(document.createElement('a'), { href: loginAgainHref(), textContent: words.loginAgain });
      alertBox.replaceChildren(notice('p notice error', `${words.gone} `, link, ` ${words.kept}`));
    } else alertBox.replaceChildren();
  }

  function showSaved(text: string): void {
    saved = text;
    if (!text) {
      preview.hidden = true;
      return;
    }
    void Promise.all([import('marked'), import('dompurify')]).then(([{ marked }, { default: DOMPurify }]) => {
      if (saved !== text) return;
      // Sanitised: the learner's own Markdown, rendered by marked and cleaned by DOMPurify.
      previewHtml.innerHTML = DOMPurify.sanitize(marked.parse(text, { async: false }));
      preview.hidden = false;
    });
  }

  function markExpired(): void {
    setStatus('expired');
    announceSessionGone();
  }

  async function send(later = false): Promise<void> {
    const draft = readDraft(localStorage, userId, where);
    const body = draft?.text ?? field.value;
    if (!pb.authStore.isValid || pb.authStore.record?.id !== userId) {
      markExpired();
      return;
    }
    if (isOffline()) {
      setStatus('queued');
      return;
    }
    setStatus('saving');
    try {
      recordId = await saveReflection(pb, userId, where, body, recordId);
      // Something typed while it was sent stays a draft of its own.
      if (readDraft(localStorage, userId, where)?.text === body) clearDraft(localStorage, userId, where);
      showSaved(body);
      setStatus(later ? 'sentLater' : 'saved');
    } catch (error) {
      const trouble = troubleOf(error);
      if (trouble === 'expired') markExpired();
      else if (trouble === 'offline') setStatus('queued');
      else if (trouble === 'server') {
        setStatus('server');
        clearTimeout(retry);
        retry = setTimeout(() => void sendWaiting(), 15_000);
      } else setStatus('error');
    }
  }

  async function sendWaiting(): Promise<void> {
    if (status === 'saving') return;
    if (readDraft(localStorage, userId, where)?.send) await send(true);
  }

  async function load(): Promise<void> {
    const draft = readDraft(localStorage, userId, where);
    try {
      const existing = await loadReflection(pb, userId, where);
      if (existing) {
        recordId = existing.id;
        field.value = existing.text;
        showSaved(existing.text);
      }
    } catch (error) {
      // Without the saved answer the learner can still write; saving will tell if it fails.
      if (isAuthError(error)) markExpired();
    }
    if (draft) field.value = draft.text;
    showPhase('ready');
    if (draft?.send) await send(true);
  }

  field.addEventListener('input', () => {
    const waiting = readDraft(localStorage, userId, where)?.send ?? false;
    writeDraft(localStorage, userId, where, { text: field.value, send: waiting });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    writeDraft(localStorage, userId, where, { text: field.value, send: true });
    void send();
  });
  window.addEventListener('online', () => void sendWaiting());
  onSessionChange((session) => {
    if (session?.id === userId) {
      if (status === 'expired') setStatus('');
      void sendWaiting();
    } else if (!session) setStatus('expired');
  });

  showPhase('loading');
  void load();
}
