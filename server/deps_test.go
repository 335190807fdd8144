package server_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestServerLinksBadgerOnlyInItsStore checks what each server package
// links: the API speaks data/wire, so only the embedded Badger store links
// Badger, and no server package links the desk's store or the UI.
func TestServerLinksBadgerOnlyInItsStore(t *testing.T) {
	pkgs := goList(t, "floordesk/server/...")
	if len(pkgs) < 3 {
		t.Fatalf("found only %v", pkgs)
	}
	for _, pkg := range pkgs {
		// servertest starts a server over Badger for the desks' tests;
		// no program links it.
		mayBadger := pkg == "floordesk/server/badgerstore" || pkg == "floordesk/server/servertest"
		for _, dep := range goList(t, "-deps", pkg) {
			switch {
			case dep == "floordesk/data", strings.HasPrefix(dep, "floordesk/ui"), strings.HasPrefix(dep, "fyne.io/"):
				t.Errorf("%s links %s", pkg, dep)
			case strings.HasPrefix(dep, "github.com/dgraph-io/") && !mayBadger:
				t.Errorf("%s links %s", pkg, dep)
			}
		}
	}
}

func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}
