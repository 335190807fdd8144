package found

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
	"floordesk/ui/paper"
)

// printer makes the session print into a temporary folder, opening
// nothing, and returns a channel of the printed files' paths.
func printer(t *testing.T, e *kittest.Env, sc *Screen, dir string) <-chan string {
	t.Helper()
	e.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
	done := make(chan string, 1)
	sc.printed = func(path string) { done <- path }
	return done
}

func waitPrinted(t *testing.T, done <-chan string) string {
	t.Helper()
	select {
	case path := <-done:
		return path
	case <-time.After(30 * time.Second):
		t.Fatal("nothing was printed within 30 s")
	}
	return ""
}

// scanQR renders the document's first page at 300 dpi (pdftoppm) and
// reads the QR code on it (zbarimg), as a scanner at the desk would.
func scanQR(t *testing.T, path string) string {
	t.Helper()
	png := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command(lookTool(t, "pdftoppm"), "-png", "-r", "300", "-singlefile", path, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command(lookTool(t, "zbarimg"), "--quiet", "--raw", png+".png").Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// lookTool is the path of a tool from poppler-utils or zbar-tools; the
// test is skipped where it is missing, except in CI (setup-deps installs
// them).
func lookTool(t *testing.T, name string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed: scripts/setup-deps.sh test installs poppler-utils and zbar-tools", name)
		}
		t.Skipf("%s is not installed (poppler-utils, zbar-tools)", name)
	}
	return bin
}

// pdfText reads a printed document's text back with pdftotext (poppler).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(lookTool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestPrintTagFromTheDetail(t *testing.T) {
	for _, tc := range []struct{ lang, title, place string }{
		{kit.English, "Lost and found", "Room 1203"},
		{kit.Chinese, "失物招领", "1203 房"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e := kittest.NewIn(t, tc.lang)
			e.Svc.DeskCode = "D1"
			e.Supervisor(t)
			e.Attendant(t, "S01", "A01", "Wang Fang")
			e.Attendant(t, "S01", "A02", "Zhang Wei")
			e.SignIn(t, "A01")
			sc := New(e.Session, e.Svc).(*Screen)
			e.Window.SetContent(sc.Content())
			logRing(sc, true)
			tag := sc.lastLog.tag
			sc.Show(kit.KindFound, tag)
			dir := filepath.Join(t.TempDir(), "FloorDesk-prints")
			done := printer(t, e, sc, dir)
			tapButton(t, e.Window.Content(), lang.L("found.print_tag"))
			path := waitPrinted(t, done)
			if filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "tag-"+tag) {
				t.Fatalf("printed %q, want tag-%s… in %s", path, tag, dir)
			}
			text := pdfText(t, path)
			for _, want := range []string{tc.title, tag, tc.place, "Safe 1"} {
				if !strings.Contains(text, want) {
					t.Errorf("the tag lacks %q: %s", want, text)
				}
			}
			if n := e.Session.LastNotice(); !strings.Contains(n, path) {
				t.Errorf("notice %q does not say where the tag is", n)
			}

			// A scanner reads the QR code and types it into the search box.
			logRing(sc, true) // a second item, for the search to tell apart
			scanned := scanQR(t, path)
			if scanned != tag {
				t.Fatalf("the QR code reads %q, want %q", scanned, tag)
			}
			test.Type(sc.Search(), scanned)
			if ids := sc.List().IDs(); len(ids) != 1 || ids[0] != tag {
				t.Errorf("searching the scanned %q finds %v", scanned, ids)
			}
		})
	}
}

func TestPrintClaimReceipt(t *testing.T) {
	e, sc := desk(t)
	logRing(sc, true)
	tag := sc.lastLog.tag
	if _, err := e.Svc.ClaimFound("A01", appfound.ClaimInput{Tag: tag, Claimant: "Chen Jing", Contact: "138 0000 1234",
		IDType: "passport", IDLast4: "567A", Description: "gold ring, red stone"}); err != nil {
		t.Fatal(err)
	}
	sc.Show(kit.KindFound, tag)
	done := printer(t, e, sc, t.TempDir())
	tapButton(t, e.Window.Content(), lang.L("found.print_receipt"))
	text := pdfText(t, waitPrinted(t, done))
	for _, want := range []string{"Found item claim receipt", tag, "Chen Jing", "Passport · ending 567A", "gold ring, red stone", "Wang Fang", "Claimant's signature"} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt lacks %q: %s", want, text)
		}
	}
}

func TestPrintFailureSaysWhy(t *testing.T) {
	e, sc := desk(t)
	logRing(sc, true)
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	done := printer(t, e, sc, filepath.Join(file, "prints"))
	sc.printTag(mustItem(t, e, sc.lastLog.tag))
	if path := waitPrinted(t, done); path != "" {
		t.Fatalf("printed %q into a folder under a file", path)
	}
	want := lang.L("kit.print_failed", map[string]string{"Folder": filepath.Join(file, "prints")})
	if n := e.Session.LastNotice(); n != want {
		t.Errorf("notice %q, want %q", n, want)
	}

	e.Session.SetPrinter(paper.Folder{Dir: t.TempDir(), Open: func(string) error { return errors.New("exit status 3") }})
	sc.printTag(mustItem(t, e, sc.lastLog.tag))
	path := waitPrinted(t, done)
	if n := e.Session.LastNotice(); path == "" || n != lang.L("kit.print_no_viewer", map[string]string{"File": path}) {
		t.Errorf("without a viewer: printed %q, notice %q", path, n)
	}
}

func mustItem(t *testing.T, e *kittest.Env, tag string) appfound.FoundItem {
	t.Helper()
	f, err := e.Svc.FoundItem(tag)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
