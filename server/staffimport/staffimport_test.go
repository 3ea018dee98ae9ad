package staffimport

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func testVocabulary() *vocabulary {
	v := &vocabulary{stilling: map[string]string{}, roles: map[string]string{}, eierform: map[string]string{}, puljeMin: 1, puljeMax: 6, nameMax: 255}
	for _, value := range []string{"styrer", "pedagogisk-leder", "pedagog", "fagarbeider", "assistent", "annet"} {
		for _, s := range append([]string{value, strings.ReplaceAll(value, "-", " ")}, stillingSynonyms[value]...) {
			v.stilling[normalizeWord(s)] = value
		}
	}
	for _, value := range []string{"deltaker", "kursleder", "styrer", "admin"} {
		v.roles[value] = value
	}
	v.eierform["kommunal"], v.eierform["privat"] = "kommunal", "privat"
	return v
}

func windows1252(t *testing.T, text string) []byte {
	t.Helper()
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadsNorwegianExcelExportInWindows1252WithSemicolons(t *testing.T) {
	data := windows1252(t, "Navn;E-post;Barnehage;Stilling;Rolle\r\nÅse Ødegård;ase@x.no;Blåbærtoppen;Barnehagelærer;\r\n")
	s, err := readSheet(data)
	if err != nil {
		t.Fatal(err)
	}
	if s.encoding != encodingWindows1252 || s.separator != ";" {
		t.Fatalf("encoding %s separator %s", s.encoding, s.separator)
	}
	if got := s.rows[0].cells[colName]; got != "Åse Ødegård" {
		t.Fatalf("name %q", got)
	}
	if got := s.rows[0].cells[colBarnehage]; got != "Blåbærtoppen" {
		t.Fatalf("barnehage %q", got)
	}
}

func TestReadsUTF8WithByteOrderMarkAndCommas(t *testing.T) {
	s, err := readSheet([]byte("\uFEFFnavn,epost,barnehage,stilling,rolle\n\"Nordmann, Kari\",kari@x.no,Solsikken,assistent,deltaker\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.encoding != encodingUTF8 || s.separator != "," || s.headers[colEmail] != "epost" {
		t.Fatalf("%+v", s)
	}
	if s.rows[0].cells[colName] != "Nordmann, Kari" || s.rows[0].line != 2 {
		t.Fatalf("%+v", s.rows[0])
	}
}

func TestBrokenLinesAreProblemsWithTheirLineNumbers(t *testing.T) {
	text := "navn;e-post;barnehage;stilling;rolle\n" +
		"A;a@x.no;B;assistent;\n" +
		"Too;few;fields\n" +
		";;;;\n" + // an empty row from Excel: skipped
		"C;c@x.no;B;\"assi\"stent;\n" +
		"D;d@x.no;B;assistent;\n"
	s, err := readSheet([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.problems) != 2 || s.problems[0].Line != 3 || s.problems[1].Line != 5 {
		t.Fatalf("problems %+v", s.problems)
	}
	if len(s.rows) != 2 || s.rows[1].line != 6 {
		t.Fatalf("rows %+v", s.rows)
	}
}

func TestAFileWithoutTheRequiredHeadersIsRefusedAsAWhole(t *testing.T) {
	for text, want := range map[string]string{
		"":                                       "Fila er tom",
		"navn;barnehage;rolle\nA;B;\n":           "mangler kolonnene: e-post, stilling",
		"navn;e-post;barnehage;stilling;rolle\n": "ingen personer",
		"PK\x03\x04binary":                       "Excel-arbeidsbok",
	} {
		_, err := readSheet([]byte(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", text, err, want)
		}
	}
}

func plan(t *testing.T, text string, people []Person) *Plan {
	t.Helper()
	s, err := readSheet([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	kindergartens := []Kindergarten{{ID: "bh1", Name: "Solsikken", Pulje: 2, Eierform: "kommunal"}}
	return makePlan(s, testVocabulary(), &state{kindergartens: kindergartens, people: people}, "caller")
}

func TestEveryBadCellIsNamedByLineAndHeader(t *testing.T) {
	p := plan(t, "Navn;E-post;Barnehage;Stilling;Rolle;Pulje;Eierform\n"+
		"Ok Person;ok@x.no;Solsikken;assistent;;;\n"+
		";noname@x.no;Solsikken;assistent;;;\n"+
		"Bad Mail;not-an-address;Solsikken;assistent;;;\n"+
		"Bad Job;job@x.no;Solsikken;rektor;;;\n"+
		"Bad Role;role@x.no;Solsikken;assistent;sjef;;\n"+
		"Twice;OK@x.no;Solsikken;assistent;;;\n"+
		"Unknown Bh;u@x.no;Månen;assistent;;;\n"+
		"New Bh;n@x.no;Stjerna;pedagog;;3;privat\n"+
		"New Bh 2;n2@x.no;stjerna;pedagog;;;\n"+
		"Bad Pulje;p@x.no;Sola;pedagog;;9;privat\n", nil)
	want := []Problem{
		{3, "Navn", ""}, {4, "E-post", "not-an-address"}, {5, "Stilling", "rektor"}, {6, "Rolle", "sjef"},
		{7, "E-post", "linje 2 og linje 7"}, {8, "Barnehage", "Månen"}, {11, "Pulje", "fra 1 til 6"}, {11, "Barnehage", "Sola"},
	}
	if len(p.Errors) != len(want) {
		t.Fatalf("errors %+v", p.Errors)
	}
	for i, w := range want {
		got := p.Errors[i]
		if got.Line != w.Line || got.Field != w.Field || !strings.Contains(got.Message, w.Message) {
			t.Errorf("error %d: got %+v, want %+v", i, got, w)
		}
	}
	if p.Created != 3 || len(p.NewBarnehager) != 1 || p.NewBarnehager[0].Name != "Stjerna" {
		t.Fatalf("created %d, new %+v", p.Created, p.NewBarnehager)
	}
}

func TestKeepsARoleSetByHandUnlessTheFileSaysOtherwise(t *testing.T) {
	people := []Person{
		{ID: "u1", Email: "Kari@X.no", Name: "Kari", Barnehage: "bh1", Stilling: "pedagog", Role: "kursleder"},
		{ID: "u2", Email: "ola@x.no", Name: "Ola", Barnehage: "bh1", Stilling: "assistent", Role: "deltaker"},
		{ID: "u3", Email: "left@x.no", Name: "Gone", Barnehage: "bh1", Role: "deltaker"},
		{ID: "caller", Email: "me@x.no", Name: "Me", Barnehage: "bh1", Role: "admin"},
	}
	p := plan(t, "navn;e-post;barnehage;stilling;rolle\n"+
		"Kari;kari@x.no;Solsikken;pedagog;\n"+
		"Ola;ola@x.no;Solsikken;fagarbeider;styrer\n"+
		"Me;me@x.no;Solsikken;;deltaker\n", people)
	if p.Unchanged != 1 || p.Updated != 1 || p.Created != 0 {
		t.Fatalf("%d %d %d", p.Created, p.Updated, p.Unchanged)
	}
	if p.People[0].Role != "kursleder" || p.People[0].Email != "Kari@X.no" {
		t.Fatalf("kari %+v", p.People[0])
	}
	if len(p.People[1].Changes) != 2 {
		t.Fatalf("ola %+v", p.People[1].Changes)
	}
	if len(p.Errors) != 1 || p.Errors[0].Line != 4 || p.Errors[0].Field != "rolle" {
		t.Fatalf("own role %+v", p.Errors)
	}
	if len(p.NotInFile) != 1 || p.NotInFile[0].ID != "u3" {
		t.Fatalf("not in file %+v", p.NotInFile)
	}
}

func TestAvdelingIsADepartmentOfThePersonsKindergartenWhenUsersHaveOne(t *testing.T) {
	s, err := readSheet([]byte("navn;e-post;barnehage;stilling;rolle;avdeling\n" +
		"Kari;kari@x.no;Solsikken;pedagog;;Blåklokka\n" +
		"Ola;ola@x.no;Solsikken;pedagog;;Månen\n" +
		"Per;per@x.no;Solsikken;pedagog;;\n"))
	if err != nil {
		t.Fatal(err)
	}
	v := testVocabulary()
	st := &state{
		kindergartens: []Kindergarten{{ID: "bh1", Name: "Solsikken", Pulje: 2, Eierform: "kommunal"}, {ID: "bh2", Name: "Sola", Pulje: 1, Eierform: "privat"}},
		people:        []Person{{ID: "u3", Email: "per@x.no", Name: "Per", Barnehage: "bh2", Stilling: "pedagog", Role: "deltaker", Avdeling: "d2"}},
		departments:   []Department{{ID: "d1", Barnehage: "bh1", Name: "Blåklokka"}, {ID: "d2", Barnehage: "bh2", Name: "Månen"}},
	}

	v.avdeling = avdelingNone
	if p := makePlan(s, v, st, ""); !p.AvdelingIgnored || len(p.Errors) != 0 {
		t.Fatalf("without the field: %+v", p)
	}

	v.avdeling = avdelingRelation
	p := makePlan(s, v, st, "")
	if len(p.Errors) != 1 || p.Errors[0].Line != 3 || p.Errors[0].Field != "avdeling" {
		t.Fatalf("Månen is in another kindergarten: %+v", p.Errors)
	}
	if p.People[0].avdelingValue != "d1" || p.People[0].Avdeling != "Blåklokka" {
		t.Fatalf("kari %+v", p.People[0])
	}
	// Per moves from Sola to Solsikken with an empty cell: Sola's department stays behind.
	per := p.People[1]
	if per.avdelingValue != "" || len(per.Changes) != 2 || per.Changes[1] != (Change{"avdeling", "Månen", ""}) {
		t.Fatalf("per %+v", per)
	}
}

func TestANameTypedDifferentlyIsTheSameName(t *testing.T) {
	// A Mac writes å as a + combining ring; Excel leaves double spaces: neither is a change.
	people := []Person{{ID: "u1", Email: "ase@x.no", Name: "Åse Ødegård", Barnehage: "bh1", Stilling: "pedagog", Role: "deltaker"}}
	p := plan(t, "navn;e-post;barnehage;stilling;rolle\nA\u030ase  Ødegård ; ASE@x.no ;solsikken;Barnehagelærer;\n", people)
	if p.Unchanged != 1 || len(p.Errors) != 0 {
		t.Fatalf("%+v %+v", p.People[0], p.Errors)
	}
}

func TestAnExistingKindergartenIsNeverChangedByTheFile(t *testing.T) {
	p := plan(t, "navn;e-post;barnehage;stilling;rolle;pulje;eierform\nA;a@x.no;Solsikken;assistent;;3;kommunal\nB;b@x.no;Solsikken;assistent;;3;kommunal\n", nil)
	if len(p.Errors) != 0 || len(p.NewBarnehager) != 0 || len(p.Warnings) != 1 || p.Warnings[0].Line != 2 {
		t.Fatalf("errors %+v new %+v warnings %+v", p.Errors, p.NewBarnehager, p.Warnings)
	}
	if !strings.Contains(p.Warnings[0].Message, "finnes allerede med pulje 2") {
		t.Fatal(p.Warnings[0].Message)
	}
}
