package staffimport

import (
	"fmt"
	"sort"
	"strings"
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
	Encoding        string
	Separator       string
	AvdelingIgnored bool

	avdeling avdelingMode
}

// makePlan compares the file with the stored kindergartens, people and departments. callerID is
// the importing admin (a user id, or "" for a superuser), who may not change their own role.
func makePlan(s *sheet, v *vocabulary, st *state, callerID string) *Plan {
	kindergartens, people := st.kindergartens, st.people
	p := &Plan{Errors: append([]Problem{}, s.problems...), Encoding: s.encoding, Separator: s.separator, avdeling: v.avdeling}
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
