package app_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainLinksNoStoreUIOrHTTP checks the dependency direction with
// everything the domain links, not just what it imports: the core and every
// register reach events through data/wire only, so none of them links the
// desk's store (and with it Badger), the UI toolkit or HTTP. The test
// fixture (app/apptest) opens a real store and is left out.
func TestDomainLinksNoStoreUIOrHTTP(t *testing.T) {
	banned := []string{"github.com/dgraph-io/", "fyne.io/", "net/http", "floordesk/ui", "floordesk/server"}
	pkgs := goList(t, "./...")
	checked := 0
	for _, pkg := range pkgs {
		if strings.Contains(pkg, "/apptest") {
			continue
		}
		checked++
		for _, dep := range goList(t, "-deps", pkg) {
			if dep == "floordesk/data" || hasAnyPrefix(dep, banned) {
				t.Errorf("%s links %s", pkg, dep)
			}
		}
	}
	if checked < 7 {
		t.Fatalf("checked only %d packages: %v", checked, pkgs)
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}
