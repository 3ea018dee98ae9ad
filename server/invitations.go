package main

import "github.com/pocketbase/pocketbase/core"

// AfterStaffImport runs once the staff import has committed, with the people it created. They
// have no password anyone knows: the invitation mail lets each of them set their own.
func AfterStaffImport(app core.App, created []*core.Record) {
	// the lead wires the invitation mail here
}
