// The way back in after a lockout. The login guard (login-guard.js) closes an account after too many
// wrong passwords, and anyone who knows a colleague's e-mail can trigger that. So the owner's reset
// mail says that someone tried, and a confirmed new password opens the account at once: the guard
// can slow a guesser down but never keep a person out of their course.
const guard = require(`${__hooks}/lib/login-guard.js`);

const LOCK_NOTE_HTML =
  '<p><strong>Kontoen din er midlertidig stengt for innlogging</strong> fordi noen har prøvd feil passord mange ganger. ' +
  'Var det ikke deg, har noen prøvd å komme inn på kontoen din. Velger du nytt passord med lenken over, kommer du inn med en gang.</p>';

/** True while the account with this e-mail is closed, or close to it, by the guard. */
function hasFailedAttempts(app, email) {
  const entry = app.store().get(guard.keyFor(email));
  return !!entry && entry.failures >= guard.MAX_FAILURES;
}

/** Hook on the reset mail: tell the owner that someone tried their account. */
function noteLockInResetMail(e) {
  if (hasFailedAttempts(e.app, e.record.email())) {
    e.message.html = e.message.html.replace(/<p>Hilsen/, `${LOCK_NOTE_HTML}<p>Hilsen`);
    if (!e.message.html.includes(LOCK_NOTE_HTML)) e.message.html += LOCK_NOTE_HTML;
  }
  return e.next();
}

/** Hook on confirm-password-reset: the new password is the owner's, so the lock has done its job. */
function openAfterReset(e) {
  const result = e.next();
  e.app.store().remove(guard.keyFor(e.record.email()));
  return result;
}

module.exports = { LOCK_NOTE_HTML, noteLockInResetMail, openAfterReset };
