/// <reference path="../pb_data/types.d.ts" />
// Password guessing: an account is closed for login for a while after too many failures (lib/login-guard.js).
onRecordAuthWithPasswordRequest((e) => require(`${__hooks}/lib/login-guard.js`).guardPasswordLogin(e), 'users', '_superusers');
// A password change names the old password: a stolen session must not be a way to guess it.
onRecordUpdateRequest((e) => require(`${__hooks}/lib/login-guard.js`).guardPasswordChange(e), 'users');

cronAdd('tettpa-login-guard-cleanup', '*/15 * * * *', () => require(`${__hooks}/lib/login-guard.js`).forgetOld($app.store(), Date.now()));
