package handover

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

	appdemo "floordesk/app/demo"
	apphandover "floordesk/app/handover"
	"floordesk/ui/kit/kittest"
	"floordesk/ui/paper"
)

// findButton is the button reading text inside o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	return found
}

func TestPrintTheSignedHandover(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	test.Type(d.sc.view.note, "Guest in 1203 asks for a late check-out")
	d.sc.view.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.sign(apphandover.SignOutgoing, "Wang Fang", appdemo.DemoPIN)
	if findButton(d.sc.view.content(), lang.L("handover.print")) != nil {
		t.Fatal("a handover signed by one attendant offers to print")
	}
	d.sign(apphandover.SignIncoming, "Zhang Wei", appdemo.DemoPIN)
	dir := filepath.Join(t.TempDir(), "prints")
	d.env.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
	done := make(chan string, 1)
	d.sc.printed = func(path string) { done <- path }
	b := findButton(d.env.Window.Content(), lang.L("handover.print"))
	if b == nil {
		t.Fatal("no print button on the signed handover")
	}
	test.Tap(b)
	var path string
	select {
	case path = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no handover printed within 30 s")
	}
	if filepath.Dir(path) != dir {
		t.Fatalf("printed %q, not into %s", path, dir)
	}
	text := pdfText(t, path)
	for _, want := range []string{"Shift handover", "Unfinished guest requests (1)", "1203", "Extra towels",
		"Guest in 1203 asks for a late check-out", "Signed by both — final", "Wang Fang", "Zhang Wei",
		"Outgoing attendant", "Incoming attendant"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sheet lacks %q: %s", want, text)
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
