package staffimport

import (
	"fmt"
	"strings"

	"github.com/pocketbase/ozzo-validation/v4/is"
)

// line is one data row with its cells read and checked.
type line struct {
	row      row
	name     string
	email    string
	bhName   string
	bhKey    string
	stilling string
	role     string
	pulje    int
	eierform string
	avdeling string
	bad      bool
}

// readLine checks the cells of one line; every bad cell is its own problem.
func readLine(r row, v *vocabulary, problem func(*line, string, string)) *line {
	l := &line{row: r}
	l.name = normalizeText(r.cells[colName])
	l.avdeling = r.cells[colAvdeling]
	switch {
	case l.name == "":
		problem(l, colName, "Navnet mangler.")
	case len([]rune(l.name)) > v.nameMax:
		problem(l, colName, fmt.Sprintf("Navnet er lengre enn %d tegn.", v.nameMax))
	}

	rawEmail := strings.TrimSpace(r.cells[colEmail])
	switch {
	case rawEmail == "":
		problem(l, colEmail, "E-postadressen mangler.")
	case is.EmailFormat.Validate(rawEmail) != nil || strings.ContainsAny(rawEmail, " ,;"):
		problem(l, colEmail, fmt.Sprintf("«%s» er ikke en gyldig e-postadresse.", rawEmail))
	default:
		l.email = strings.ToLower(rawEmail)
	}

	l.bhName = normalizeText(r.cells[colBarnehage])
	l.bhKey = strings.ToLower(l.bhName)
	if l.bhName == "" {
		problem(l, colBarnehage, "Barnehagen mangler.")
	}

	if cell := r.cells[colStilling]; cell != "" {
		value, ok := v.stilling[normalizeWord(cell)]
		if !ok {
			problem(l, colStilling, fmt.Sprintf("Ukjent stilling «%s». Bruk en av disse: %s.", cell, strings.Join(v.stillingWords, ", ")))
		}
		l.stilling = value
	}
	if cell := r.cells[colRole]; cell != "" {
		value, ok := v.roles[normalizeWord(cell)]
		if !ok {
			problem(l, colRole, fmt.Sprintf("Ukjent rolle «%s». Bruk en av disse: %s, eller la feltet stå tomt.", cell, strings.Join(v.roleWords, ", ")))
		}
		l.role = value
	}
	if cell := r.cells[colPulje]; cell != "" {
		n, ok := v.parsePulje(cell)
		if !ok {
			problem(l, colPulje, v.puljeMessage(cell))
		}
		l.pulje = n
	}
	if cell := r.cells[colEierform]; cell != "" {
		value, ok := v.eierform[normalizeWord(cell)]
		if !ok {
			problem(l, colEierform, fmt.Sprintf("Ukjent eierform «%s». Bruk en av disse: %s.", cell, strings.Join(v.eierformWords, ", ")))
		}
		l.eierform = value
	}
	return l
}
