// Guards each account against password guessing. Counted per account, not per address: a whole
// kindergarten, or a course room of 25, often reaches us from one shared address, and they must
// all be able to log in at once.

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;

const KEY_PREFIX = 'tettpa-login:';
const JOIN_PREFIX = 'tettpa-join:';

/**
 * The key a login attempt is counted under: the identity as typed, case and spaces aside. `realm`
 * keeps the admin UI's superusers apart from learners who might share an address.
 */
function keyFor(identity, realm) {
  return `${KEY_PREFIX}${realm ? realm + ':' : ''}${String(identity || '').trim().toLowerCase()}`;
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
function guarded(app, identity, check, realm) {
  const store = app.store();
  const key = keyFor(identity, realm);
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

/** The hook on auth-with-password of `users` and of `_superusers` (the admin UI at /_/). */
function guardPasswordLogin(e) {
  const realm = e.collection.name === 'users' ? '' : e.collection.name;
  return guarded(e.app, e.identity, () => e.next(), realm);
}

/**
 * The hook on updates of `users`: a password change names the old password, and that is a guess
 * like a login. Checked here, under the guard, before PocketBase checks it again.
 */
function guardPasswordChange(e) {
  let body = {};
  try {
    body = e.requestInfo().body || {};
  } catch (err) {
    // A body PocketBase cannot read is refused by the update itself.
  }
  const old = body.oldPassword;
  if (old === undefined || old === null || old === '') return e.next();
  const original = e.record.original();
  guarded(e.app, original.email(), () => {
    if (typeof old !== 'string' || !original.validatePassword(old)) {
      throw new BadRequestError('Det nåværende passordet stemmer ikke. Passordet er ikke endret.', {
        oldPassword: new ValidationError('validation_invalid_old_password', 'Det nåværende passordet stemmer ikke.'),
      });
    }
  });
  return e.next();
}

function joinLockedMessage(minutes) {
  const unit = minutes === 1 ? 'minutt' : 'minutter';
  return `For mange feil koder. Vent ${minutes} ${unit} før du prøver igjen, eller spør kurslederen om koden.`;
}

/**
 * Runs a cohort join (`check`) under a per-user limit on failed tries. Like the login, each try is
 * counted before it is checked (so a burst cannot slip past), but a success only takes back its
 * own count and never clears the rest: else joining one's own cohort between guesses would reset it.
 */
function guardedJoin(app, userId, check) {
  const store = app.store();
  const key = `${JOIN_PREFIX}${userId}`;
  const now = Date.now();
  let locked = 0;
  store.setFunc(key, (old) => {
    // The same numbers as the login: 10 wrong codes in 15 minutes.
    locked = minutesLocked(old, now);
    return locked > 0 ? old : afterFailure(old, now);
  });
  if (locked > 0) throw new TooManyRequestsError(joinLockedMessage(locked));
  const result = check();
  store.setFunc(key, (old) => (old ? { since: old.since, failures: Math.max(0, old.failures - 1) } : old));
  return result;
}

/** Drops the counts whose window has passed, so that guesses at made-up addresses cannot fill memory. */
function forgetOld(store, now) {
  const all = store.getAll();
  for (const key of Object.keys(all)) {
    if ((key.startsWith(KEY_PREFIX) || key.startsWith(JOIN_PREFIX)) && now - all[key].since >= WINDOW_MS) store.remove(key);
  }
}

module.exports = {
  MAX_FAILURES,
  WINDOW_MS,
  keyFor,
  afterFailure,
  minutesLocked,
  lockedMessage,
  joinLockedMessage,
  guarded,
  guardedJoin,
  guardPasswordLogin,
  guardPasswordChange,
  forgetOld,
};
