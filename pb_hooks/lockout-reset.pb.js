/// <reference path="../pb_data/types.d.ts" />
// After a lockout the owner's reset mail says someone tried, and the new password lets them in (lib/lockout-reset.js).
onMailerRecordPasswordResetSend((e) => require(`${__hooks}/lib/lockout-reset.js`).noteLockInResetMail(e), 'users');

onRecordConfirmPasswordResetRequest((e) => require(`${__hooks}/lib/lockout-reset.js`).openAfterReset(e), 'users');
