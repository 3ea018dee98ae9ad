package main

import "github.com/pocketbase/pocketbase/core"

// AfterStaffImport runs once the staff import has committed, with the people it created. They
// have no password anyone knows: the invitation mail (invitation_mail.go) lets each of them set
// their own. The mails go out in the background, so the import answers at once.
func AfterStaffImport(app core.App, created []*core.Record) {
	sendInvitations(app, created)
}
