package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// refusalCode finds the code of each refusal built in the source.
var refusalCode = regexp.MustCompile(`(?:(?:forbidden|conflict|locked)\(|invalid\([^,()]+, |refuse\(Err\w+, [^,]+, )"([a-z_]+\.[a-z_.]+)"`)

// TestEveryRefusalHasAMessage checks that every refusal code in the source
// has an English message, so no user meets a bare code.
func TestEveryRefusalHasAMessage(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range refusalCode.FindAllStringSubmatch(string(src), -1) {
			if _, ok := messages[m[1]]; !ok {
				t.Errorf("%s: refusal code %q has no message", name, m[1])
			}
		}
	}
}

func TestConflictCodesHaveMessages(t *testing.T) {
	for _, c := range []string{"key.signed_out_twice", "key.lost_and_returned", "found.claimed_twice", "staff.added_twice"} {
		if strings.HasPrefix(Message(c, nil), c) {
			t.Errorf("no message for %s", c)
		}
	}
}
