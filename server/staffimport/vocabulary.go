package staffimport

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/text/unicode/norm"
)

// vocabulary is what a cell may say, read from the schema (pb_migrations) so that the import
// accepts exactly the values the collections accept, plus the words HR writes for them.
type vocabulary struct {
	stilling      map[string]string // spelling → stored value
	stillingWords []string          // how the values are named in a message
	roles         map[string]string
	roleWords     []string
	eierform      map[string]string
	eierformWords []string
	puljeMin      int
	puljeMax      int
	nameMax       int
	// avdeling says whether and how users hold a department (the departments issue adds it).
	avdeling           avdelingMode
	avdelingCollection string
}

// stillingSynonyms are the job titles of HR's exports for each stored value (see ordliste.md).
var stillingSynonyms = map[string][]string{
	"pedagogisk-leder": {"ped. leder", "ped.leder", "ped leder"},
	"pedagog":          {"barnehagelærer", "barnehagelaerer", "førskolelærer"},
	"fagarbeider":      {"barne- og ungdomsarbeider", "barne og ungdomsarbeider", "barne- og ungdomsarbeidar"},
	"assistent":        {"barnehageassistent"},
}

func loadVocabulary(app core.App) (*vocabulary, error) {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return nil, err
	}
	barnehager, err := app.FindCollectionByNameOrId("barnehager")
	if err != nil {
		return nil, err
	}
	v := &vocabulary{stilling: map[string]string{}, roles: map[string]string{}, eierform: map[string]string{}, puljeMin: 1, puljeMax: 6, nameMax: 255}
	if f, ok := users.Fields.GetByName("stilling").(*core.SelectField); ok {
		for _, value := range f.Values {
			spellings := append([]string{value, strings.ReplaceAll(value, "-", " ")}, stillingSynonyms[value]...)
			for _, s := range spellings {
				v.stilling[normalizeWord(s)] = value
			}
			v.stillingWords = append(v.stillingWords, strings.ReplaceAll(value, "-", " "))
		}
	}
	if f, ok := users.Fields.GetByName("role").(*core.SelectField); ok {
		for _, value := range f.Values {
			v.roles[value] = value
			v.roleWords = append(v.roleWords, value)
		}
	}
	if f, ok := users.Fields.GetByName("name").(*core.TextField); ok && f.Max > 0 {
		v.nameMax = f.Max
	}
	if f, ok := barnehager.Fields.GetByName("eierform").(*core.SelectField); ok {
		for _, value := range f.Values {
			v.eierform[value] = value
			v.eierformWords = append(v.eierformWords, value)
		}
	}
	if f, ok := barnehager.Fields.GetByName("pulje").(*core.NumberField); ok {
		if f.Min != nil {
			v.puljeMin = int(*f.Min)
		}
		if f.Max != nil {
			v.puljeMax = int(*f.Max)
		}
	}
	switch f := users.Fields.GetByName("avdeling").(type) {
	case *core.TextField:
		v.avdeling = avdelingText
	case *core.RelationField:
		v.avdeling, v.avdelingCollection = avdelingRelation, f.CollectionId
	}
	return v, nil
}

// normalizeWord makes a cell comparable: one form of æøå, lower case, single spaces.
func normalizeWord(s string) string {
	return strings.ToLower(normalizeText(s))
}

// normalizeText is how names are stored: composed Unicode (a Mac may send "å" as a + ring) and
// single spaces, so that the same person in the next export compares equal.
func normalizeText(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

func (v *vocabulary) parsePulje(cell string) (int, bool) {
	text := strings.TrimSpace(strings.TrimPrefix(normalizeWord(cell), "pulje"))
	n, err := strconv.Atoi(text)
	if err != nil || n < v.puljeMin || n > v.puljeMax {
		return 0, false
	}
	return n, true
}

func (v *vocabulary) puljeMessage(cell string) string {
	return fmt.Sprintf("Pulje må være et tall fra %d til %d, ikke «%s».", v.puljeMin, v.puljeMax, cell)
}
