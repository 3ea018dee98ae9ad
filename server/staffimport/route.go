// Package staffimport brings the staff in from the CSV that HR or a styrer exports from Excel:
// a preview that writes nothing, then one transaction. It never deletes anyone and never changes
// a role unless the file says so.
package staffimport

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// Route is the contract other checks use: multipart `file` and `dryRun` (true/false).
const Route = "/api/tettpa/admin/staff-import"

// A staff list of a few thousand people is well under a megabyte; this only stops a wrong file.
const maxFileBytes = 10 << 20

// AfterImport runs after the transaction has committed, with the people it created.
type AfterImport func(app core.App, created []*core.Record)

// Register adds the route to the server.
func Register(app core.App, after AfterImport) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.POST(Route, func(e *core.RequestEvent) error { return handle(e, after) })
		return se.Next()
	})
}

// Result is the answer of the route: counts of people, every bad line, and the preview.
type Result struct {
	DryRun            bool               `json:"dryRun"`
	Created           int                `json:"created"`
	Updated           int                `json:"updated"`
	Unchanged         int                `json:"unchanged"`
	Errors            []Problem          `json:"errors"`
	Warnings          []Problem          `json:"warnings"`
	Rows              []*PersonPlan      `json:"rows"`
	NotInFile         []Absent           `json:"notInFile"`
	BarnehagerCreated []*NewKindergarten `json:"barnehagerCreated"`
	Encoding          string             `json:"encoding"`
	Separator         string             `json:"separator"`
	Message           string             `json:"message,omitempty"`
}

var errPlanHasErrors = errors.New("the file has bad lines")

func handle(e *core.RequestEvent, after AfterImport) error {
	if e.Auth == nil {
		return e.UnauthorizedError("Du må være logget inn for å importere ansatte.", nil)
	}
	callerID := ""
	if !e.HasSuperuserAuth() {
		if e.Auth.Collection().Name != "users" || e.Auth.GetString("role") != "admin" {
			return e.ForbiddenError("Bare Kompetanseteam barnehage (rollen admin) kan importere ansatte.", nil)
		}
		callerID = e.Auth.Id
	}

	dryRun, data, fail := readRequest(e)
	if fail != "" {
		return e.JSON(http.StatusBadRequest, fileFailure(dryRun, fail))
	}
	s, err := readSheet(data)
	if err != nil {
		var fileErr *FileError
		if errors.As(err, &fileErr) {
			return e.JSON(http.StatusBadRequest, fileFailure(dryRun, fileErr.Message))
		}
		return err
	}
	vocab, err := loadVocabulary(e.App)
	if err != nil {
		return err
	}

	if dryRun {
		st, err := loadState(e.App, vocab)
		if err != nil {
			return err
		}
		return e.JSON(http.StatusOK, resultOf(makePlan(s, vocab, st, callerID), s, true))
	}

	var plan *Plan
	var created []*core.Record
	err = e.App.RunInTransaction(func(tx core.App) error {
		// Read, compare and write in one transaction, so the import is exactly what it checked.
		st, err := loadState(tx, vocab)
		if err != nil {
			return err
		}
		plan = makePlan(s, vocab, st, callerID)
		if len(plan.Errors) > 0 {
			return errPlanHasErrors
		}
		created, err = apply(tx, plan, st, s.field)
		return err
	})
	var refused *lineError
	switch {
	case errors.Is(err, errPlanHasErrors):
		return e.JSON(http.StatusBadRequest, resultOf(plan, s, false))
	case errors.As(err, &refused):
		plan.Errors = append(plan.Errors, refused.Problem)
		return e.JSON(http.StatusBadRequest, resultOf(plan, s, false))
	case err != nil:
		return err
	}
	if after != nil {
		after(e.App, created)
	}
	return e.JSON(http.StatusOK, resultOf(plan, s, false))
}

// readRequest reads dryRun and the file, or says in Norwegian what is wrong with the request.
func readRequest(e *core.RequestEvent) (dryRun bool, data []byte, fail string) {
	dryRun = true
	if err := e.Request.ParseMultipartForm(1 << 20); err != nil {
		return dryRun, nil, "Send fila som multipart/form-data med feltene «file» og «dryRun»."
	}
	switch strings.ToLower(strings.TrimSpace(e.Request.FormValue("dryRun"))) {
	case "", "true":
	case "false":
		dryRun = false
	default:
		return dryRun, nil, "dryRun må være true (forhåndsvisning) eller false (importer)."
	}
	file, header, err := e.Request.FormFile("file")
	if err != nil {
		return dryRun, nil, "Velg CSV-fila med de ansatte."
	}
	defer file.Close()
	if header.Size > maxFileBytes {
		return dryRun, nil, fmt.Sprintf("Fila er for stor (over %d MB). En ansattliste er vanligvis under 1 MB: er det riktig fil?", maxFileBytes>>20)
	}
	data, err = io.ReadAll(io.LimitReader(file, maxFileBytes+1))
	if err != nil {
		return dryRun, nil, "Fila kunne ikke leses. Prøv igjen."
	}
	return dryRun, data, ""
}

func fileFailure(dryRun bool, message string) Result {
	return Result{
		DryRun: dryRun, Message: message,
		Errors:   []Problem{{Line: 1, Field: "", Message: message}},
		Warnings: []Problem{}, Rows: []*PersonPlan{}, NotInFile: []Absent{}, BarnehagerCreated: []*NewKindergarten{},
	}
}

func resultOf(p *Plan, s *sheet, dryRun bool) Result {
	warnings := []Problem{}
	for _, name := range s.ignored {
		warnings = append(warnings, Problem{Line: 1, Field: name, Message: fmt.Sprintf("Kolonnen «%s» er ukjent og blir ikke brukt.", name)})
	}
	if p.AvdelingIgnored {
		warnings = append(warnings, Problem{Line: 1, Field: s.field(colAvdeling), Message: "Avdeling leses, men lagres ikke ennå: plattformen har ikke avdelinger på de ansatte. Kolonnen kan stå i fila."})
	}
	warnings = append(warnings, p.Warnings...)
	r := Result{
		DryRun: dryRun, Created: p.Created, Updated: p.Updated, Unchanged: p.Unchanged,
		Errors: p.Errors, Warnings: warnings, Rows: p.People, NotInFile: p.NotInFile, BarnehagerCreated: p.NewBarnehager,
		Encoding: p.Encoding, Separator: p.Separator,
	}
	if r.Errors == nil {
		r.Errors = []Problem{}
	}
	if r.Rows == nil {
		r.Rows = []*PersonPlan{}
	}
	if r.NotInFile == nil {
		r.NotInFile = []Absent{}
	}
	if r.BarnehagerCreated == nil {
		r.BarnehagerCreated = []*NewKindergarten{}
	}
	for _, row := range r.Rows {
		if row.Changes == nil {
			row.Changes = []Change{}
		}
	}
	if len(r.Errors) > 0 {
		r.Message = fmt.Sprintf("Fila har %d feil. Ingenting er importert.", len(r.Errors))
		if dryRun {
			r.Message = fmt.Sprintf("Fila har %d feil. Rett dem i regnearket og forhåndsvis på nytt.", len(r.Errors))
		}
	}
	return r
}
