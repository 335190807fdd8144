package app

import (
	"os/exec"
	"strings"
	"testing"

	"floordesk/data"
)

var _ Store = (*data.Store)(nil)

// TestImportsStayOut checks the dependency direction: the domain imports
// no UI, no Badger and no HTTP itself (data may, behind its API), and
// nothing it depends on pulls in the UI toolkit.
func TestImportsStayOut(t *testing.T) {
	direct := goList(t, "{{join .Imports \"\\n\"}}", ".")
	for _, dep := range direct {
		for _, banned := range []string{"fyne.io/", "github.com/dgraph-io/", "net/http"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("app imports %s", dep)
			}
		}
	}
	for _, dep := range goList(t, "", "-deps", ".") {
		if strings.HasPrefix(dep, "fyne.io/") || strings.HasPrefix(dep, "floordesk/ui") {
			t.Errorf("app depends on %s", dep)
		}
	}
}

func goList(t *testing.T, format string, args ...string) []string {
	t.Helper()
	if format != "" {
		args = append([]string{"-f", format}, args...)
	}
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	return strings.Fields(string(out))
}
