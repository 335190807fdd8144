package paper_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"floordesk/ui/paper"
)

func TestFolderPrint(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "FloorDesk-prints")
	var opened []string
	f := paper.Folder{Dir: dir, Open: func(p string) error { opened = append(opened, p); return nil }}
	path, err := f.Print("tag-x.pdf", func(w io.Writer) error { return paper.FoundTag(w, desk("zh"), foundItem()) })
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "tag-x.pdf") || len(opened) != 1 || opened[0] != path {
		t.Fatalf("wrote %s, opened %q", path, opened)
	}
	wantText(t, pdfText(t, path), "LF260303-D1-007")
	left, _ := os.ReadDir(dir)
	if len(left) != 1 {
		t.Errorf("the folder holds %d files, want the document alone", len(left))
	}

	t.Run("no viewer", func(t *testing.T) {
		f := paper.Folder{Dir: dir, Open: func(string) error { return errors.New("exit status 3") }}
		path, err := f.Print("slip.pdf", func(w io.Writer) error { return paper.LoanSlip(w, desk("en"), loan(), nil) })
		if !errors.Is(err, paper.ErrViewer) || path == "" {
			t.Fatalf("Print = %q, %v; want the path and ErrViewer", path, err)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("the document is not kept to open by hand: %v", err)
		}
	})
	t.Run("write fails", func(t *testing.T) {
		f := paper.Folder{Dir: dir, Open: func(string) error { t.Error("opened a failed document"); return nil }}
		_, err := f.Print("bad.pdf", func(io.Writer) error { return errors.New("disk full") })
		if err == nil || errors.Is(err, paper.ErrViewer) {
			t.Fatalf("Print = %v, want a write error", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "bad.pdf")); !os.IsNotExist(err) {
			t.Errorf("a failed document was left behind: %v", err)
		}
	})
	t.Run("folder cannot be made", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("file used as a folder behaves differently on Windows")
		}
		file := filepath.Join(t.TempDir(), "file")
		os.WriteFile(file, nil, 0o600)
		_, err := paper.Folder{Dir: filepath.Join(file, "prints")}.Print("x.pdf", func(io.Writer) error { return nil })
		if err == nil {
			t.Fatal("printed into a folder under a file")
		}
	})
}

func TestFileName(t *testing.T) {
	at := time.Date(2026, 3, 3, 9, 41, 0, 0, shanghai)
	for id, want := range map[string]string{
		"LF260303-D1-007": "tag-LF260303-D1-007-20260303-094100.pdf",
		`a/b\c:d`:         "tag-a_b_c_d-20260303-094100.pdf",
		"":                "tag-20260303-094100.pdf",
	} {
		if got := paper.FileName("tag", id, at); got != want {
			t.Errorf("FileName(%q) = %q, want %q", id, got, want)
		}
	}
}

// TestOpenFile runs OpenFile against a stand-in xdg-open on PATH: it hands
// the launcher the plain path, and a launcher that fails at once (no PDF
// viewer) is an error.
func TestOpenFile(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the stand-in launcher is a shell script for xdg-open")
	}
	bin := t.TempDir()
	got := filepath.Join(bin, "opened")
	script := "#!/bin/sh\nif [ \"$FAIL\" = 1 ]; then exit 3; fi\nprintf '%s' \"$1\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	doc := filepath.Join(t.TempDir(), "王芳 的文件", "tag.pdf")
	if err := paper.OpenFile(doc); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(got); string(b) != doc {
		t.Errorf("the launcher got %q, want %q", b, doc)
	}
	t.Setenv("FAIL", "1")
	if err := paper.OpenFile(doc); err == nil {
		t.Error("a launcher that failed at once is no error")
	}
}
