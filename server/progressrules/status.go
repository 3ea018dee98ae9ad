// Package progressrules holds the rules a progress commit obeys on the server.
package progressrules

// KeepFinishedStatus is the status to store when a commit saying next arrives for a lesson that had
// previous. A finished lesson stays finished: a later visit, or a stale commit from another device
// that arrives late, must never turn it back. An unknown next is passed through untouched so that
// validation refuses it rather than it being quietly replaced.
func KeepFinishedStatus(previous, next string) string {
	if finished(previous) && known(next) && !finished(next) {
		return previous
	}
	// "passed" says more than "completed" (the knowledge check too).
	if previous == "passed" && next == "completed" {
		return previous
	}
	return next
}

func finished(status string) bool { return status == "completed" || status == "passed" }

func known(status string) bool {
	switch status {
	case "not attempted", "incomplete", "completed", "passed", "failed", "browsed":
		return true
	}
	return false
}
