/// <reference path="../pb_data/types.d.ts" />
// The users list rule written like progress's (see 1734000000): every branch names an indexed
// column of users, so SQLite answers any list from its indexes instead of reading all 100,000
// accounts for every colleague's request. The old rule's `||` with relations (course groups' leaders,
// departments' leaders) needed a join per row and made every list a scan.
// And an index every login can use: PocketBase looks a person up by `email = ? COLLATE NOCASE`,
// which the unique email index cannot serve (it is partial, `WHERE email != ''`, and SQLite cannot
// prove that of a bound value), so each login read every account.
// What leaves the list rule stays in the view rule (one row by id costs nothing):
// - a course leader reads a member by id (the room expands its members one by one);
// - a department leader who is not a member of the department: the department's people are
//   listed by membership (`avdeling`), which a pedagogical leader has; the styrer sees all anyway.
const GUARD = '@request.auth.id != "" && (';
const SELF = 'id = @request.auth.id';
const STYRER = '(@request.auth.role = "styrer" && @request.auth.barnehage != "" && barnehage >= @request.auth.barnehage && barnehage <= @request.auth.barnehage)';
// Kindergarten ids are [a-z0-9]; "~" sorts after them all, and "" is in range too.
const ADMIN = '(@request.auth.role = "admin" && barnehage >= "" && barnehage <= "~")';
// Without the first test, everyone without a department would see everyone else without one.
const COLLEAGUE = '(@request.auth.avdeling != "" && avdeling >= @request.auth.avdeling && avdeling <= @request.auth.avdeling)';

migrate(
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    users.listRule = `${GUARD}@request.auth.created > "" && (${SELF} || ${STYRER} || ${ADMIN} || ${COLLEAGUE}))`;
    users.addIndex('idx_users_email_login', false, 'email COLLATE NOCASE', '');
    app.save(users);
  },
  (app) => {
    const users = app.findCollectionByNameOrId('users');
    users.listRule = users.viewRule;
    users.removeIndex('idx_users_email_login');
    app.save(users);
  },
);
