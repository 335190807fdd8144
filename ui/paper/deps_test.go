package paper_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPaperLinksNoStoreOrUI checks the package stays what its comment
// says: documents from plain values. It links neither the desk's store
// (nor Badger) nor Fyne, so a document is made and tested without either.
func TestPaperLinksNoStoreOrUI(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list found only %d dependencies: %v", len(deps), deps)
	}
	for _, dep := range deps {
		if dep == "floordesk/data" || strings.HasPrefix(dep, "github.com/dgraph-io/") ||
			strings.HasPrefix(dep, "fyne.io/") || strings.HasPrefix(dep, "floordesk/ui/kit") {
			t.Errorf("ui/paper links %s", dep)
		}
	}
}
