package staffimport

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

const (
	encodingUTF8        = "UTF-8"
	encodingWindows1252 = "Windows-1252"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns the bytes of a spreadsheet export into UTF-8 text. Norwegian Excel saves
// "CSV (semikolondelt)" in Windows-1252 and "CSV UTF-8" with a byte order mark; a file that is
// not valid UTF-8 cannot be UTF-8, and Windows-1252 is then the only encoding Excel would have used.
func decodeText(data []byte) (text string, encoding string, err error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return string(data), encodingUTF8, nil
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", err
	}
	return string(decoded), encodingWindows1252, nil
}

// looksLikeWorkbook tells an .xlsx (a zip archive) or an old .xls from a CSV file, so that the
// admin is told to save as CSV instead of being shown a list of missing columns.
func looksLikeWorkbook(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0})
}

// detectSeparator reads the header line: Norwegian Excel separates with semicolons (the comma is
// the decimal mark), other exports with commas. The header names contain neither.
func detectSeparator(text string) rune {
	header := text
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		header = text[:i]
	}
	semicolons, commas := 0, 0
	for _, r := range header {
		switch r {
		case ';':
			semicolons++
		case ',':
			commas++
		}
	}
	if semicolons >= commas && semicolons > 0 {
		return ';'
	}
	return ','
}

// looksLikeUTF16 spots Excel's "Unicode text", which is UTF-16 with a byte order mark.
func looksLikeUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}
