package staffimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Column keys: what a header means, whatever way it is spelled in the file.
const (
	colName      = "navn"
	colEmail     = "e-post"
	colBarnehage = "barnehage"
	colStilling  = "stilling"
	colRole      = "rolle"
	colPulje     = "pulje"
	colEierform  = "eierform"
	colAvdeling  = "avdeling"
)

var requiredColumns = []string{colName, colEmail, colBarnehage, colStilling, colRole}

// headerAliases maps a header cell (trimmed, lower-cased) to its column key.
var headerAliases = map[string]string{
	"navn":      colName,
	"e-post":    colEmail,
	"epost":     colEmail,
	"barnehage": colBarnehage,
	"stilling":  colStilling,
	"rolle":     colRole,
	"pulje":     colPulje,
	"eierform":  colEierform,
	"avdeling":  colAvdeling,
}

// Problem is one bad line (or cell) of the file, as the spreadsheet user sees it: the header is
// line 1, and the field is named as in the file's own header.
type Problem struct {
	Line    int    `json:"line"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// FileError means the file as a whole cannot be read: nothing in it is imported.
type FileError struct{ Message string }

func (e *FileError) Error() string { return e.Message }

// row is one data line of the file: its line number and its cells by column key.
type row struct {
	line  int
	cells map[string]string
}

// sheet is a file read as a table.
type sheet struct {
	encoding  string
	separator string
	// headers names each column key as the file's own header spells it, for error messages.
	headers  map[string]string
	ignored  []string
	rows     []row
	problems []Problem
}

// readSheet decodes and parses the file. Lines that are broken as CSV become problems; a file
// without the required headers is a FileError.
func readSheet(data []byte) (*sheet, error) {
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, &FileError{"Fila er tom. Velg CSV-fila med de ansatte."}
	}
	if looksLikeWorkbook(data) {
		return nil, &FileError{"Dette ser ut som en Excel-arbeidsbok, ikke en CSV-fil. Åpne den i Excel og velg Lagre som → «CSV (semikolondelt)»."}
	}
	if looksLikeUTF16(data) {
		return nil, &FileError{"Fila er lagret som Unicode-tekst (UTF-16). Åpne den i Excel og velg Lagre som → «CSV UTF-8» eller «CSV (semikolondelt)»."}
	}
	text, encoding, err := decodeText(data)
	if err != nil {
		return nil, &FileError{"Fila kunne ikke leses som tekst. Lagre den som «CSV (semikolondelt)» eller «CSV UTF-8» fra Excel."}
	}
	sep := detectSeparator(text)

	reader := csv.NewReader(strings.NewReader(text))
	reader.Comma = sep
	reader.FieldsPerRecord = -1 // counted here, so that a short line is a Norwegian problem, not a stop
	reader.ReuseRecord = false

	header, err := reader.Read()
	if errors.Is(err, io.EOF) {
		return nil, &FileError{"Fila er tom. Velg CSV-fila med de ansatte."}
	}
	if err != nil {
		return nil, &FileError{"Overskriftslinjen (linje 1) kunne ikke leses: sjekk anførselstegnene."}
	}
	s := &sheet{encoding: encoding, separator: string(sep), headers: map[string]string{}}
	columns, err := s.readHeader(header)
	if err != nil {
		return nil, err
	}

	for {
		record, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var parseErr *csv.ParseError
			if errors.As(err, &parseErr) {
				s.problems = append(s.problems, Problem{Line: parseErr.StartLine, Field: "", Message: quoteProblem(parseErr)})
				continue
			}
			return nil, &FileError{"Fila kunne ikke leses som CSV."}
		}
		line, _ := reader.FieldPos(0)
		if isBlank(record) {
			continue // Excel writes ";;;;" for rows that only look empty
		}
		if len(record) != len(columns) {
			s.problems = append(s.problems, Problem{Line: line, Field: "", Message: fmt.Sprintf(
				"Linjen har %d felt, men overskriften har %d. Sjekk skilletegnene (%s) og anførselstegnene på linjen.",
				len(record), len(columns), s.separator)})
			continue
		}
		cells := map[string]string{}
		for i, key := range columns {
			if key != "" {
				cells[key] = strings.TrimSpace(record[i])
			}
		}
		s.rows = append(s.rows, row{line: line, cells: cells})
	}
	if len(s.rows) == 0 && len(s.problems) == 0 {
		return nil, &FileError{"Fila har overskrifter, men ingen personer under dem."}
	}
	return s, nil
}

// readHeader maps each header cell to a column key ("" for a column we do not use).
func (s *sheet) readHeader(header []string) ([]string, error) {
	columns := make([]string, len(header))
	for i, cell := range header {
		name := strings.TrimSpace(cell)
		key, ok := headerAliases[strings.ToLower(name)]
		if !ok {
			if name != "" {
				s.ignored = append(s.ignored, name)
			}
			continue
		}
		if _, twice := s.headers[key]; twice {
			return nil, &FileError{fmt.Sprintf("Kolonnen «%s» står to ganger i overskriftslinjen.", name)}
		}
		s.headers[key] = name
		columns[i] = key
	}
	var missing []string
	for _, key := range requiredColumns {
		if _, ok := s.headers[key]; !ok {
			missing = append(missing, key)
		}
	}
	if len(missing) > 0 {
		return nil, &FileError{fmt.Sprintf(
			"Fila mangler %s: %s. Første linje må være overskriftene navn, e-post, barnehage, stilling og rolle (pulje, eierform og avdeling kan også være med), skilt med semikolon eller komma.",
			plural(len(missing), "kolonnen", "kolonnene"), strings.Join(missing, ", "))}
	}
	return columns, nil
}

// field is the header of a column as the file spells it.
func (s *sheet) field(key string) string {
	if name, ok := s.headers[key]; ok {
		return name
	}
	return key
}

func quoteProblem(err *csv.ParseError) string {
	if errors.Is(err.Err, csv.ErrBareQuote) || errors.Is(err.Err, csv.ErrQuote) {
		return "Linjen har anførselstegn som står feil eller ikke er lukket, så den kan ikke leses. Rett linjen i regnearket og lagre fila på nytt."
	}
	return "Linjen kan ikke leses som CSV. Rett linjen i regnearket og lagre fila på nytt."
}

func isBlank(record []string) bool {
	for _, cell := range record {
		if strings.TrimSpace(cell) != "" {
			return false
		}
	}
	return true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
