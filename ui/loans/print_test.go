package loans

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

func TestPrintSlipFromTheDetail(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{kit.English, []string{"Item loan slip", "301", "张伟", "熨斗", "Wang Fang", "¥50", "Guest's signature"}},
		{kit.Chinese, []string{"物品借用单", "301", "张伟", "熨斗", "Wang Fang", "押金¥50", "客人签名"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e, sc := world(t, tc.lang)
			f := sc.openLendForm()
			fillLend(f, "301", "张伟", "熨斗", "2")
			test.Type(f.deposit, "50")
			test.Tap(f.Save)
			if f.Errs.Any() {
				t.Fatalf("lend refused: %q %q", f.Errs.Text("items"), f.Errs.Text(""))
			}
			id := sc.List().IDs()[0]
			sc.Show(kit.KindLoan, id)
			dir := filepath.Join(t.TempDir(), "prints")
			e.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
			done := make(chan string, 1)
			sc.printed = func(path string) { done <- path }
			tap(t, sc.Pane().Content(), lang.L("loans.print_slip"))
			var path string
			select {
			case path = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("no slip printed within 30 s")
			}
			if filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "loan-301-") {
				t.Fatalf("printed %q, want loan-301-… in %s", path, dir)
			}
			text := pdfText(t, path)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the slip lacks %q: %s", w, text)
				}
			}
		})
	}
}

// tap taps the button reading text inside o.
func tap(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(found)
}
