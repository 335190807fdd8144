package app_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"floordesk/app"
	_ "floordesk/app/demo"    // links its refusal messages
	_ "floordesk/app/reports" // and the reports'
)

// refusalCode finds the code of each refusal built in the source.
var refusalCode = regexp.MustCompile(`(?:(?:Forbidden|Conflicting|Locked)\(|Invalid\([^,()]+, |Refuse\((?:app\.)?Err\w+, [^,]+, )"([a-z_]+\.[a-z_.]+)"`)

// TestEveryRefusalHasAMessage checks that every refusal code in the core's
// and the registers' source has an English message, so no user meets a
// bare code. The registers are linked into this test through the fixture.
func TestEveryRefusalHasAMessage(t *testing.T) {
	known := app.MessageCodes()
	found := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range refusalCode.FindAllStringSubmatch(string(src), -1) {
			found++
			if !slices.Contains(known, m[1]) {
				t.Errorf("%s: refusal code %q has no message", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 50 {
		t.Fatalf("found only %d refusals in the source: has the way they are built changed?", found)
	}
}

func TestConflictCodesHaveMessages(t *testing.T) {
	for _, c := range []string{"key.signed_out_twice", "key.lost_and_returned", "found.claimed_twice", "staff.added_twice"} {
		if strings.HasPrefix(app.Message(c, nil), c) {
			t.Errorf("no message for %s", c)
		}
	}
}
