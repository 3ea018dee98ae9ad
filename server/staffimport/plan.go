package staffimport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pocketbase/ozzo-validation/v4/is"
)

// Kindergarten and Person are the stored state the file is compared with.
type Kindergarten struct {
	ID       string
	Name     string
	Pulje    int
	Eierform string
}

type Person struct {
	ID        string
	Email     string
	Name      string
	Barnehage string // id
	Stilling  string
	Role      string
	Avdeling  string // a department id, or its text (see avdelingMode)
}

const (
	actionCreate    = "created"
	actionUpdate    = "updated"
	actionUnchanged = "unchanged"
)

// Change is one field of a person that the import changes, shown to the admin before and after.
type Change struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// PersonPlan is what happens to the person on one good line.
type PersonPlan struct {
	Line      int      `json:"line"`
	Email     string   `json:"email"`
	Name      string   `json:"name"`
	Barnehage string   `json:"barnehage"` // the kindergarten's name
	Stilling  string   `json:"stilling"`
	Role      string   `json:"role"`
	Avdeling  string   `json:"avdeling"`
	Action    string   `json:"action"`
	Changes   []Change `json:"changes"`

	existingID    string
	avdelingValue string
	barnehageID   string // "" when the kindergarten is created by this import
	barnehageKey  string
}

// NewKindergarten is a kindergarten the file names that does not exist yet.
type NewKindergarten struct {
	Name     string `json:"name"`
	Pulje    int    `json:"pulje"`
	Eierform string `json:"eierform"`
	Line     int    `json:"line"`
}

// Absent is a person of a kindergarten in the file whom the file does not name: perhaps they
// left. The import never deletes anyone; the admin decides.
type Absent struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	Barnehage string `json:"barnehage"`
	Role      string `json:"role"`
}

// Plan is the whole outcome of a file, computed before anything is written.
type Plan struct {
	Errors          []Problem
	Warnings        []Problem
	People          []*PersonPlan
	NewBarnehager   []*NewKindergarten
	NotInFile       []Absent
	Created         int
	Updated         int
	Unchanged       int
	IgnoredColumns  []string
	Encoding        string
	Separator       string
	AvdelingIgnored bool

	avdeling avdelingMode
}

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

// makePlan compares the file with the stored kindergartens, people and departments. callerID is
// the importing admin (a user id, or "" for a superuser), who may not change their own role.
func makePlan(s *sheet, v *vocabulary, st *state, callerID string) *Plan {
	kindergartens, people := st.kindergartens, st.people
	p := &Plan{Errors: append([]Problem{}, s.problems...), IgnoredColumns: s.ignored, Encoding: s.encoding, Separator: s.separator, avdeling: v.avdeling}
	if _, given := s.headers[colAvdeling]; given && v.avdeling == avdelingNone {
		p.AvdelingIgnored = true
	}
	departments := indexDepartments(st.departments)
	problem := func(l *line, key, message string) {
		p.Errors = append(p.Errors, Problem{Line: l.row.line, Field: s.field(key), Message: message})
		l.bad = true
	}

	lines := make([]*line, 0, len(s.rows))
	for _, r := range s.rows {
		lines = append(lines, readLine(r, v, problem))
	}

	// The same address twice: the second line is the bad one, and the message names both.
	firstLine := map[string]int{}
	for _, l := range lines {
		if l.email == "" {
			continue
		}
		if first, seen := firstLine[l.email]; seen {
			problem(l, colEmail, fmt.Sprintf("E-postadressen %s står to ganger i fila: på linje %d og linje %d.", l.email, first, l.row.line))
			continue
		}
		firstLine[l.email] = l.row.line
	}

	existingBh := map[string]*Kindergarten{}
	bhNames := map[string]string{}
	for i := range kindergartens {
		k := &kindergartens[i]
		existingBh[normalizeWord(k.Name)] = k
		bhNames[k.ID] = k.Name
	}
	newBh := resolveKindergartens(p, lines, existingBh, problem)

	byEmail := map[string]*Person{}
	for i := range people {
		byEmail[strings.ToLower(strings.TrimSpace(people[i].Email))] = &people[i]
	}
	touched := map[string]bool{}
	for _, l := range lines {
		if l.bad {
			continue
		}
		plan := &PersonPlan{Line: l.row.line, Email: l.email, Name: l.name, Barnehage: l.bhName, barnehageKey: l.bhKey}
		if k, ok := existingBh[l.bhKey]; ok {
			plan.barnehageID = k.ID
			plan.Barnehage = k.Name
			touched[k.ID] = true
		} else {
			plan.Barnehage = newBh[l.bhKey].Name
		}
		existing, known := byEmail[l.email]
		current, moved := "", false
		if known {
			current, moved = existing.Avdeling, plan.barnehageID != existing.Barnehage
		}
		avdeling, problemText := departments.avdelingFor(v.avdeling, l.avdeling, plan.barnehageID, plan.Barnehage, current, moved)
		if problemText != "" {
			problem(l, colAvdeling, problemText)
			continue
		}
		plan.avdelingValue, plan.Avdeling = avdeling, departments.label(v.avdeling, avdeling)
		if !known {
			plan.Action = actionCreate
			plan.Stilling = l.stilling
			plan.Role = l.role
			if plan.Role == "" {
				plan.Role = "deltaker"
			}
			p.People = append(p.People, plan)
			continue
		}
		plan.existingID = existing.ID
		plan.Email = existing.Email // the address a person logs in with is not rewritten
		plan.Stilling, plan.Role = existing.Stilling, existing.Role
		if existing.Name != l.name {
			plan.Changes = append(plan.Changes, Change{s.field(colName), existing.Name, l.name})
		}
		if plan.barnehageID != existing.Barnehage {
			plan.Changes = append(plan.Changes, Change{s.field(colBarnehage), bhNames[existing.Barnehage], plan.Barnehage})
		}
		// An empty cell leaves what an admin set by hand.
		if l.stilling != "" && l.stilling != existing.Stilling {
			plan.Changes = append(plan.Changes, Change{s.field(colStilling), existing.Stilling, l.stilling})
			plan.Stilling = l.stilling
		}
		if avdeling != existing.Avdeling {
			plan.Changes = append(plan.Changes, Change{s.field(colAvdeling), departments.label(v.avdeling, existing.Avdeling), plan.Avdeling})
		}
		if l.role != "" && l.role != existing.Role {
			if existing.ID == callerID {
				problem(l, colRole, "Du kan ikke endre din egen rolle med en import. Be en annen administrator gjøre det.")
				continue
			}
			plan.Changes = append(plan.Changes, Change{s.field(colRole), existing.Role, l.role})
			plan.Role = l.role
		}
		plan.Action = actionUnchanged
		if len(plan.Changes) > 0 {
			plan.Action = actionUpdate
		}
		p.People = append(p.People, plan)
	}

	for _, person := range p.People {
		switch person.Action {
		case actionCreate:
			p.Created++
		case actionUpdate:
			p.Updated++
		default:
			p.Unchanged++
		}
	}
	for _, person := range people {
		if touched[person.Barnehage] {
			if _, inFile := firstLine[strings.ToLower(strings.TrimSpace(person.Email))]; !inFile {
				p.NotInFile = append(p.NotInFile, Absent{person.ID, person.Name, person.Email, bhNames[person.Barnehage], person.Role})
			}
		}
	}
	sort.SliceStable(p.NotInFile, func(i, j int) bool {
		a, b := p.NotInFile[i], p.NotInFile[j]
		if a.Barnehage != b.Barnehage {
			return a.Barnehage < b.Barnehage
		}
		return a.Name < b.Name
	})
	sort.SliceStable(p.Errors, func(i, j int) bool { return p.Errors[i].Line < p.Errors[j].Line })
	return p
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

// resolveKindergartens finds the kindergarten of every line. An unknown one is created when
// some line gives both its pulje and eierform (the first such line decides, wherever it is in the
// file; a later line that says otherwise is bad). Pulje and eierform never change a kindergarten that exists: a
// difference is a warning.
func resolveKindergartens(p *Plan, lines []*line, existing map[string]*Kindergarten, problem func(*line, string, string)) map[string]*NewKindergarten {
	defined := map[string]*NewKindergarten{}
	warned := map[string]bool{}
	for _, l := range lines {
		if l.bhKey == "" {
			continue
		}
		if k, ok := existing[l.bhKey]; ok {
			if !warned[l.bhKey] && ((l.pulje != 0 && l.pulje != k.Pulje) || (l.eierform != "" && l.eierform != k.Eierform)) {
				warned[l.bhKey] = true
				p.Warnings = append(p.Warnings, Problem{Line: l.row.line, Field: "", Message: fmt.Sprintf(
					"Barnehagen «%s» finnes allerede med pulje %d og eierform %s. Importen endrer ikke barnehagen; ret den i administrasjonen om fila har rett.",
					k.Name, k.Pulje, k.Eierform)})
			}
			continue
		}
		if l.pulje == 0 || l.eierform == "" {
			continue
		}
		first, ok := defined[l.bhKey]
		if !ok {
			defined[l.bhKey] = &NewKindergarten{Name: l.bhName, Pulje: l.pulje, Eierform: l.eierform, Line: l.row.line}
			continue
		}
		if first.Pulje != l.pulje {
			problem(l, colPulje, fmt.Sprintf("Den nye barnehagen «%s» har pulje %d på linje %d, men pulje %d her.", first.Name, first.Pulje, first.Line, l.pulje))
		} else if first.Eierform != l.eierform {
			problem(l, colEierform, fmt.Sprintf("Den nye barnehagen «%s» har eierform %s på linje %d, men %s her.", first.Name, first.Eierform, first.Line, l.eierform))
		}
	}
	for _, l := range lines {
		if l.bhKey == "" {
			continue
		}
		if _, ok := existing[l.bhKey]; ok {
			continue
		}
		if _, ok := defined[l.bhKey]; !ok {
			problem(l, colBarnehage, fmt.Sprintf("Barnehagen «%s» finnes ikke. Fyll ut pulje og eierform på linjen for å opprette den.", l.bhName))
		}
	}
	keys := make([]string, 0, len(defined))
	for key := range defined {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		p.NewBarnehager = append(p.NewBarnehager, defined[key])
	}
	return defined
}
