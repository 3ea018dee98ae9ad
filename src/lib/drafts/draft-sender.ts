/**
 * Sends what a learner typed, and keeps it on the device until the server has it. One behaviour for
 * every form that must lose nothing (praksisfortelling, codes): a lost session is told as such and
 * the text goes after logging in again (here or in another tab); offline it goes when the network
 * is back; when the server does not answer while online it is tried again; a double click sends once.
 */
import type { KeyValueStore } from '../progress/commit-queue';
import { readStoredSession } from '../auth/stored-session';
import { announceSessionGone, followSession, isOffline, troubleOf } from '../auth/session-watch';
import { clearDraft, draftKey, readDraft, writeDraft, type Draft, type DraftPlace } from './draft-store';

/**
 * sent: sent now; sentLater: a kept draft went after login or when the network came back;
 * expired: logged out with a draft waiting to be sent; expiredDraft: logged out while writing;
 * loggedOut: logged out with nothing written yet.
 */
export type SendState = '' | 'sending' | 'sent' | 'sentLater' | 'expired' | 'expiredDraft' | 'loggedOut' | 'offline' | 'server' | 'refused';

// How long to wait before trying again when the server did not answer although the network is up.
const RETRY_MS = 15_000;
// Drafts being sent right now, by storage key: a double click, or a second sender made for the same
// draft while the first is on its way, must not store it twice.
const inFlight = new Set<string>();

export class DraftSender<T> {
  readonly #store: KeyValueStore;
  readonly #place: DraftPlace<T>;
  readonly #deliver: (value: T) => Promise<void>;
  readonly #report: (state: SendState, error?: unknown) => void;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    store: KeyValueStore,
    place: DraftPlace<T>,
    deliver: (value: T) => Promise<void>,
    report: (state: SendState, error?: unknown) => void,
  ) {
    this.#store = store;
    this.#place = place;
    this.#deliver = deliver;
    this.#report = report;
  }

  /** The kept draft, if any: shown again when the page opens. */
  kept(): Draft<T> | null {
    return readDraft(this.#store, this.#place);
  }

  /** Keeps what is being typed, without changing whether it waits to be sent. */
  keep(value: T): void {
    writeDraft(this.#store, this.#place, { value, send: this.kept()?.send ?? false });
  }

  /** Forgets the draft (the learner started over, or the thing it belonged to is gone). */
  drop(): void {
    clearDraft(this.#store, this.#place);
  }

  get #sending(): boolean {
    return inFlight.has(draftKey(this.#place));
  }

  /** "Lagre"/"Send": keep it as waiting to be sent, then send it. */
  async submit(value: T): Promise<void> {
    if (this.#sending) return;
    writeDraft(this.#store, this.#place, { value, send: true });
    await this.sendWaiting(false);
  }

  /** Sends a draft that waits (after "Lagre" while logged out, offline or with the server away). */
  async sendWaiting(later = true): Promise<void> {
    if (this.#sending) return;
    const draft = this.kept();
    if (!draft?.send) return;
    clearTimeout(this.#retry);
    if (readStoredSession()?.id !== this.#place.userId) {
      this.#report('expired');
      return;
    }
    if (isOffline()) {
      this.#report('offline');
      return;
    }
    inFlight.add(draftKey(this.#place));
    this.#report('sending');
    try {
      await this.#deliver(draft.value);
      // Something typed while it was sent stays a draft of its own.
      if (JSON.stringify(this.kept()?.value) === JSON.stringify(draft.value)) this.drop();
      this.#report(later ? 'sentLater' : 'sent');
    } catch (error) {
      const trouble = troubleOf(error);
      if (trouble === 'expired') announceSessionGone();
      if (trouble === 'server') this.#retry = setTimeout(() => void this.sendWaiting(), RETRY_MS);
      if (trouble === 'refused') writeDraft(this.#store, this.#place, { value: draft.value, send: false });
      this.#report(trouble, error);
    } finally {
      inFlight.delete(draftKey(this.#place));
    }
  }

  /** Follows network and session: sends what waits when both are back, says so when the session goes. */
  follow(): () => void {
    const online = () => void this.sendWaiting();
    window.addEventListener('online', online);
    const stop = followSession(
      () => {
        const draft = this.kept();
        this.#report(draft ? (draft.send ? 'expired' : 'expiredDraft') : 'loggedOut');
      },
      () => {
        if (readStoredSession()?.id !== this.#place.userId) return;
        if (this.kept()?.send) void this.sendWaiting();
        else this.#report('');
      },
    );
    return () => {
      clearTimeout(this.#retry);
      window.removeEventListener('online', online);
      stop();
    };
  }
}
