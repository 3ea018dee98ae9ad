package staffimport

import (
	"fmt"
	"sort"
)

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
					"Barnehagen «%s» finnes allerede med pulje %d og eierform %s. Importen endrer ikke barnehagen: endre den i administrasjonen hvis det er fila som stemmer.",
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
