/**
 * Finds the platform's SCORM 1.2 API the way the SCORM 1.2 run-time environment prescribes: look
 * for `API` on this window and up its chain of parents (at most a handful of steps), then on the
 * window that opened it and that window's parents. A frame of another origin cannot be read; it
 * counts as "no API there" instead of breaking the lesson.
 */
import type { Scorm12Api } from './scorm12-api';

/** The SCORM 1.2 sample code gives up after 7 parents; a platform nests its frames less deep. */
const MAX_PARENTS = 7;

export interface WindowLike {
  API?: unknown;
  parent?: WindowLike | null;
  opener?: WindowLike | null;
}

function isScorm12Api(value: unknown): value is Scorm12Api {
  const api = value as Partial<Scorm12Api> | null | undefined;
  return !!api && typeof api.LMSInitialize === 'function' && typeof api.LMSGetValue === 'function' && typeof api.LMSSetValue === 'function';
}

function apiOf(win: WindowLike): Scorm12Api | null {
  try {
    return isScorm12Api(win.API) ? win.API : null;
  } catch {
    return null;
  }
}

function searchUp(start: WindowLike): Scorm12Api | null {
  let win: WindowLike = start;
  for (let steps = 0; ; steps++) {
    const api = apiOf(win);
    if (api) return api;
    let parent: WindowLike | null | undefined;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win || steps >= MAX_PARENTS) return null;
    win = parent;
  }
}

export function findScormApi(start: WindowLike): Scorm12Api | null {
  const found = searchUp(start);
  if (found) return found;
  let opener: WindowLike | null | undefined;
  try {
    opener = start.opener;
  } catch {
    return null;
  }
  return opener ? searchUp(opener) : null;
}
