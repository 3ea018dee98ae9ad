package staffimport

import (
	"fmt"
	"strings"
)

// How users hold a department: not yet (the departments issue adds it), as text, or as a
// relation to the avdelinger collection of the design (barnehage, name).
type avdelingMode int

const (
	avdelingNone avdelingMode = iota
	avdelingText
	avdelingRelation
)

// Department is a stored avdeling of a kindergarten.
type Department struct {
	ID        string
	Barnehage string // id
	Name      string
}

type departmentIndex struct {
	byKey map[string]string // barnehage id + lower-cased name → id
	names map[string]string // id → name
}

func indexDepartments(departments []Department) departmentIndex {
	d := departmentIndex{byKey: map[string]string{}, names: map[string]string{}}
	for _, dep := range departments {
		d.byKey[dep.Barnehage+"\x00"+normalizeWord(dep.Name)] = dep.ID
		d.names[dep.ID] = dep.Name
	}
	return d
}

// label is how a stored value reads: a department's name, or the text itself.
func (d departmentIndex) label(mode avdelingMode, value string) string {
	if mode == avdelingRelation {
		return d.names[value]
	}
	return value
}

// avdelingFor decides what a person's avdeling becomes. An empty cell keeps what they have,
// except that a department belongs to one kindergarten: moving elsewhere leaves it behind.
// A named department must exist in the person's kindergarten (the import does not create them).
func (d departmentIndex) avdelingFor(mode avdelingMode, cell, barnehageID, barnehageName, current string, moved bool) (value, problem string) {
	cell = normalizeText(cell)
	switch {
	case mode == avdelingNone:
		return current, ""
	case cell == "" && moved && mode == avdelingRelation:
		return "", ""
	case cell == "":
		return current, ""
	case mode == avdelingText:
		return cell, ""
	}
	if id, ok := d.byKey[barnehageID+"\x00"+strings.ToLower(cell)]; ok && barnehageID != "" {
		return id, ""
	}
	return current, fmt.Sprintf("Avdelingen «%s» finnes ikke i %s. Opprett avdelingen først, eller la feltet stå tomt.", cell, barnehageName)
}
