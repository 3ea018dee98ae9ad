// Guards each account against password guessing. Counted per account, not per address: a whole
// kindergarten, or a course room of 25, often reaches us from one shared address, and they must
// all be able to log in at once.

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;

const KEY_PREFIX = 'tettpa-login:';

/** The key a login attempt is counted under: the identity as typed, case and spaces aside. */
function keyFor(identity) {
  return `${KEY_PREFIX}${String(identity || '').trim().toLowerCase()}`;
}

/**
 * The state after one more failed attempt. `entry` is the stored state (or null): the time the
 * current window opened and the failures within it.
 */
function afterFailure(entry, now) {
  if (!entry || now - entry.since >= WINDOW_MS) return { since: now, failures: 1 };
  return { since: entry.since, failures: entry.failures + 1 };
}

/** Whole minutes until the account may be tried again, or 0 when it is not locked. */
function minutesLocked(entry, now) {
  if (!entry || entry.failures < MAX_FAILURES) return 0;
  const left = entry.since + WINDOW_MS - now;
  return left > 0 ? Math.ceil(left / 60000) : 0;
}

function lockedMessage(minutes) {
  const unit = minutes === 1 ? 'minutt' : 'minutter';
  return `For mange mislykkede innlogginger på denne kontoen. Av sikkerhetshensyn er den stengt for innlogging i ${minutes} ${unit}. Prøv igjen senere, eller be lederen din om et nytt passord.`;
}

/**
 * Runs `check` (which throws when the password is wrong) under the guard. Every attempt is counted
 * before the password is checked, in one atomic step with the lock test, so a burst of parallel
 * guesses cannot slip past the limit; a correct password then clears the count. The counts live in
 * the server's memory: a restart clears them, which is acceptable for a window of 15 minutes.
 */
function guarded(app, identity, check) {
  const store = app.store();
  const key = keyFor(identity);
  const now = Date.now();
  let locked = 0;
  store.setFunc(key, (old) => {
    locked = minutesLocked(old, now);
    return locked > 0 ? old : afterFailure(old, now);
  });
  if (locked > 0) throw new TooManyRequestsError(lockedMessage(locked));
  const result = check();
  store.remove(key);
  return result;
}

/** The hook on `users` auth-with-password. */
function guardPasswordLogin(e) {
  return guarded(e.app, e.identity, () => e.next());
}

/** Drops the counts whose window has passed, so that guesses at made-up addresses cannot fill memory. */
function forgetOld(store, now) {
  const all = store.getAll();
  for (const key of Object.keys(all)) {
    if (key.startsWith(KEY_PREFIX) && now - all[key].since >= WINDOW_MS) store.remove(key);
  }
}

module.exports = { MAX_FAILURES, WINDOW_MS, keyFor, afterFailure, minutesLocked, lockedMessage, guarded, guardPasswordLogin, forgetOld };
