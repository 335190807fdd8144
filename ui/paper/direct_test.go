package paper_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/ui/paper"
)

// fakeLP puts an lp on PATH that records what it is asked to print into
// a file and answers as CUPS does; fail makes it answer as CUPS does
// with no default printer. A machine for tests has no printer: this
// stands for the system's print command, which SendToPrinter runs for
// real.
func fakeLP(t *testing.T, fail bool) (asked string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("lp is the print command on Linux and macOS")
	}
	bin := t.TempDir()
	asked = filepath.Join(bin, "asked")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" >> " + asked + "\necho 'request id is desk-1 (1 file(s))'\n"
	if fail {
		script = "#!/bin/sh\necho 'lp: Error - No default destination.' >&2\nexit 1\n"
	}
	if err := os.WriteFile(filepath.Join(bin, "lp"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return asked
}

func slip(w io.Writer) error { return paper.LoanSlip(w, desk("zh"), loan(), nil) }

// TestDirectPrintSendsToTheDefaultPrinter: with direct printing on, a
// document goes to lp, not to the viewer; with it off, to the viewer.
func TestDirectPrintSendsToTheDefaultPrinter(t *testing.T) {
	asked := fakeLP(t, false)
	direct := true
	var opened []string
	f := paper.Folder{Dir: t.TempDir(), Direct: func() bool { return direct },
		Open: func(p string) error { opened = append(opened, p); return nil }}
	path, err := f.Print("slip-1.pdf", slip)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(asked)
	if string(got) != "--\n"+path+"\n" || len(opened) != 0 {
		t.Fatalf("lp asked %q, viewer opened %q; want lp for %s alone", got, opened, path)
	}
	direct = false
	if _, err := f.Print("slip-2.pdf", slip); err != nil || len(opened) != 1 {
		t.Fatalf("direct printing off: %v, opened %q", err, opened)
	}
	if got2, _ := os.ReadFile(asked); string(got2) != string(got) {
		t.Errorf("lp was asked again with direct printing off: %q", got2)
	}
}

// TestDirectPrintFallsBackToTheViewer: no default printer: the document
// opens in the viewer and the error says why it was not printed.
func TestDirectPrintFallsBackToTheViewer(t *testing.T) {
	fakeLP(t, true)
	var opened []string
	f := paper.Folder{Dir: t.TempDir(), Direct: func() bool { return true },
		Open: func(p string) error { opened = append(opened, p); return nil }}
	path, err := f.Print("slip.pdf", slip)
	if !errors.Is(err, paper.ErrNotSent) || errors.Is(err, paper.ErrViewer) || !strings.Contains(err.Error(), "No default destination") {
		t.Fatalf("Print = %v; want ErrNotSent with lp's words", err)
	}
	if len(opened) != 1 || opened[0] != path {
		t.Fatalf("opened %q, want %s in the viewer", opened, path)
	}
	f.Open = func(string) error { return errors.New("no viewer") }
	if _, err := f.Print("slip2.pdf", slip); !errors.Is(err, paper.ErrNotSent) || !errors.Is(err, paper.ErrViewer) {
		t.Errorf("no printer and no viewer: %v", err)
	}
}

// TestShowNeverPrints: a photo opened from a record is shown, not sent to
// the printer, whatever the setting.
func TestShowNeverPrints(t *testing.T) {
	asked := fakeLP(t, false)
	var opened []string
	f := paper.Folder{Dir: t.TempDir(), Direct: func() bool { return true },
		Open: func(p string) error { opened = append(opened, p); return nil }}
	if _, err := f.Show("photo.jpg", func(w io.Writer) error { _, err := w.Write([]byte("jpeg")); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(asked); !os.IsNotExist(err) || len(opened) != 1 {
		t.Errorf("a photo was sent to the printer (%v) or not opened (%q)", err, opened)
	}
}
