package main

// Progress at national scale (issue 15; the schema is pb_migrations/1734000000_progress_at_national_scale.js).
// Every progress row carries its learner's kindergarten, so the styrer's list rule is an index
// lookup on progress alone, and progress_totals keeps per person and course what the leaders'
// reports count. Model hooks: they run on every save (the API's, the hooks', the admin UI's) inside
// its transaction. In Go rather than pb_hooks because they run on every progress commit: the same
// work in the JS runtime cost about 2 ms of CPU per commit, more than the rest of the commit.

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

func registerProgressScale(app core.App) {
	stampThenCount := func(e *core.RecordEvent) error {
		// Whatever the request said: the learner's kindergarten, or "" when they have none.
		e.Record.Set("barnehage", barnehageOf(e.App, e.Record.GetString("user")))
		if err := e.Next(); err != nil {
			return err
		}
		return refreshTotals(e.App, e.Record.GetString("user"), e.Record.GetString("course"), false)
	}
	app.OnRecordCreate("progress").BindFunc(stampThenCount)
	app.OnRecordUpdate("progress").BindFunc(stampThenCount)
	app.OnRecordDelete("progress").BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		return refreshTotals(e.App, e.Record.GetString("user"), e.Record.GetString("course"), true)
	})
	// A person who moves to another kindergarten takes their progress with them.
	app.OnRecordUpdate("users").BindFunc(func(e *core.RecordEvent) error {
		before := e.Record.Original().GetString("barnehage")
		if err := e.Next(); err != nil {
			return err
		}
		after := e.Record.GetString("barnehage")
		if before == after {
			return nil
		}
		params := dbx.Params{"u": e.Record.Id, "b": after}
		if _, err := e.App.DB().NewQuery("UPDATE progress SET barnehage = {:b} WHERE user = {:u}").Bind(params).Execute(); err != nil {
			return err
		}
		_, err := e.App.DB().NewQuery("UPDATE progress_totals SET barnehage = {:b} WHERE user = {:u}").Bind(params).Execute()
		return err
	})
}

func barnehageOf(app core.App, userID string) string {
	var b string
	if userID == "" {
		return ""
	}
	if err := app.DB().NewQuery("SELECT barnehage FROM users WHERE id = {:u}").Bind(dbx.Params{"u": userID}).Row(&b); err != nil {
		return ""
	}
	return b
}

// refreshTotals recounts one person's totals for one course from their rows (a handful, read
// through the unique index on user, course, lesson); after a delete, removes them when no row is left.
func refreshTotals(app core.App, userID, course string, deleted bool) error {
	if userID == "" || course == "" {
		return nil
	}
	params := dbx.Params{"u": userID, "c": course, "now": types.NowDateTime().String()}
	_, err := app.DB().NewQuery(
		"INSERT INTO progress_totals (id, user, course, barnehage, done, begun, last, created, updated) " +
			"SELECT 't' || substr(lower(hex(randomblob(7))), 1, 14), {:u}, {:c}, MAX(barnehage), SUM(status IN ('completed', 'passed')), COUNT(*), MAX(updated), {:now}, {:now} " +
			"FROM progress WHERE user = {:u} AND course = {:c} HAVING COUNT(*) > 0 " +
			"ON CONFLICT (user, course) DO UPDATE SET barnehage = excluded.barnehage, done = excluded.done, begun = excluded.begun, last = excluded.last, updated = excluded.updated",
	).Bind(params).Execute()
	if err != nil || !deleted {
		return err
	}
	_, err = app.DB().NewQuery(
		"DELETE FROM progress_totals WHERE user = {:u} AND course = {:c} AND NOT EXISTS (SELECT 1 FROM progress WHERE user = {:u} AND course = {:c})",
	).Bind(params).Execute()
	return err
}
