package keys

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
	"floordesk/ui/paper"
)

func TestPrintDoorOpenings(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{kit.English, []string{"Guest door openings", "openings: 1", "301", "Chen Jing", "Passport …123X", "Wang Fang", "card left inside", "Checked by supervisor"}},
		{kit.Chinese, []string{"客房开门登记表", "共 1 次", "301", "Chen Jing", "护照 …123X", "Wang Fang", "card left inside", "主管核查"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e, sc := world(t, tc.lang)
			f := sc.openDoors()
			test.Type(f.room, "301")
			test.Type(f.guest, "Chen Jing")
			f.idType.SetSelected(lang.L("keys.id.passport"))
			test.Type(f.last4, "123X")
			test.Type(f.noteE, "card left inside")
			test.Tap(f.Save)
			if f.Errs.Any() {
				t.Fatalf("door opening refused: %q", f.Errs.Text(""))
			}
			dir := filepath.Join(t.TempDir(), "prints")
			e.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
			done := make(chan string, 1)
			sc.printed = func(path string) { done <- path }
			var b *widget.Button
			kittest.Walk(sc.Pane().Content(), func(c fyne.CanvasObject) {
				if w, ok := c.(*widget.Button); ok && w.Text == lang.L("keys.print_doors") {
					b = w
				}
			})
			if b == nil {
				t.Fatal("no print button above the door openings")
			}
			test.Tap(b)
			var path string
			select {
			case path = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("nothing printed within 30 s")
			}
			text := pdfText(t, path)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the record lacks %q: %s", w, text)
				}
			}
		})
	}
}

func TestPrintTodaysKeySheet(t *testing.T) {
	e, sc := world(t, kit.English)
	if f := signOut(sc, "F3-SEC-A", "turn-down service", "", ""); f.Errs.Any() {
		t.Fatalf("sign-out refused: %q", f.Errs.Text(""))
	}
	sc.openReports()
	dir := filepath.Join(t.TempDir(), "prints")
	e.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
	done := make(chan string, 1)
	sc.printed = func(path string) { done <- path }
	var b *widget.Button
	kittest.Walk(sc.Pane().Content(), func(c fyne.CanvasObject) {
		if w, ok := c.(*widget.Button); ok && w.Text == lang.L("keys.print_day") {
			b = w
		}
	})
	if b == nil {
		t.Fatal("no print button on the key reports")
	}
	test.Tap(b)
	var path string
	select {
	case path = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("nothing printed within 30 s")
	}
	if !strings.HasPrefix(filepath.Base(path), "keys-2026-03-03-") {
		t.Errorf("printed %q, want keys-2026-03-03-…", path)
	}
	text := pdfText(t, path)
	for _, w := range []string{"Key sign-out sheet", "3 Mar 2026", "sign-outs: 1", "F3-SEC-A", "turn-down service", "Wang Fang", "Still out"} {
		if !strings.Contains(text, w) {
			t.Errorf("the sheet lacks %q: %s", w, text)
		}
	}
}

// pdfText reads a printed document's text back with pdftotext (poppler),
// on one line.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed: scripts/setup-deps.sh test installs poppler-utils")
		}
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
