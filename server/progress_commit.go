package main

// A progress commit through the collection API, checked in Go rather than pb_hooks: it is the
// request every learner sends every few seconds, and the JS runtime cost about 2 ms of CPU per
// commit, as much as all the rest of it (bench, national data set). Creating a row (once per
// lesson) stays in pb_hooks/progress.pb.js, which knows the lessons and the SCORM packages.

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"tettpa/server/progressrules"
)

func registerProgressCommit(app core.App) {
	app.OnRecordUpdateRequest("progress").BindFunc(func(e *core.RecordRequestEvent) error {
		original := e.Record.Original()
		// A row belongs to one lesson for good: moved away, a completed lesson could be started over.
		for _, field := range []string{"course", "lesson"} {
			if e.Record.GetString(field) != original.GetString(field) {
				return e.BadRequestError("Kurs og leksjon kan ikke endres på en fremdrift som er lagret.", validation.Errors{
					field: validation.NewError("validation_immutable", "Kan ikke endres etter at fremdriften er lagret."),
				})
			}
		}
		e.Record.Set("status", progressrules.KeepFinishedStatus(original.GetString("status"), e.Record.GetString("status")))
		return e.Next()
	})
}
