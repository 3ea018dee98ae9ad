package progressrules

import (
	"encoding/json"
	"os"
	"testing"
)

// The table is shared with the browser queue's unit test (tests/unit/progress-record.test.ts), so
// the two sides of a commit keep the same rule.
func TestKeepFinishedStatus(t *testing.T) {
	raw, err := os.ReadFile("../../tests/fixtures/finished-status.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Rows []struct{ Before, After, Stored string }
	}
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Rows) < 37 {
		t.Fatalf("the table has %d rows, want every pair of the six statuses and an unknown one", len(table.Rows))
	}
	for _, row := range table.Rows {
		if got := KeepFinishedStatus(row.Before, row.After); got != row.Stored {
			t.Errorf("%s → %s: stored %q, want %q", row.Before, row.After, got, row.Stored)
		}
	}
}
