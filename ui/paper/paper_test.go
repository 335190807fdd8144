package paper_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/paper"
)

var shanghai = time.FixedZone("CST", 8*3600)

func desk(lang string) paper.Desk {
	names := map[string]string{"S01": "王芳", "S02": "李强"}
	return paper.Desk{Lang: lang, Loc: shanghai, Hotel: "锦江宾馆", Code: "D1",
		Name: func(id string) string { return names[id] }}
}

func foundItem() appfound.FoundItem {
	at := time.Date(2026, 3, 3, 9, 41, 0, 0, shanghai)
	return appfound.FoundItem{
		Tag: "LF260303-D1-007", FoundAt: at, Place: "1203", Room: true,
		Finder: "S02", Category: app.CatValuables, Description: "黑色钱包，内有银行卡两张 black wallet",
		Storage: "柜A-3", Custody: []appfound.Custody{{At: at, By: "S01", Location: "柜A-3"}},
		HoldUntil: at.AddDate(0, 3, 0), LoggedBy: "S01", LoggedAt: at, Status: appfound.FoundHeld,
	}
}

// tool returns the path of a command-line tool the checks need. Where it
// is not installed the test is skipped, naming it, except in CI, where
// scripts/setup-deps.sh test has installed it.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed: scripts/setup-deps.sh test installs poppler-utils and zbar-tools", name)
		}
		t.Skipf("%s is not installed (scripts/setup-deps.sh test installs poppler-utils and zbar-tools)", name)
	}
	return path
}

// writePDF writes doc to a file in a temporary folder and returns its path.
func writePDF(t *testing.T, name string, doc []byte) string {
	t.Helper()
	if !bytes.HasPrefix(doc, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: starts %q", name, doc[:min(len(doc), 16)])
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("FLOORDESK_PRINTS"); dir != "" { // keep them to look at
		_ = os.WriteFile(filepath.Join(dir, name), doc, 0o644)
	}
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(tool(t, name), args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out)
}

// pdfText is the document's text as pdftotext reads it, in reading order.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	return run(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

// checkFonts asserts every font in the document is embedded (pdffonts:
// emb yes) and that there is at least one.
func checkFonts(t *testing.T, path string) {
	t.Helper()
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is the 5th from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// pages is the number of pages pdfinfo counts.
func pages(t *testing.T, path string) string {
	t.Helper()
	for _, l := range strings.Split(run(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// pageSize is the first page's size in millimetres as pdfinfo reads it.
func pageSize(t *testing.T, path string) string {
	t.Helper()
	for _, l := range strings.Split(run(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(l, "Page size:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// scan renders the first page at 300 dpi and decodes the bar codes on it
// as zbarimg does: "QR-Code:TEXT" lines.
func scan(t *testing.T, path string) []string {
	t.Helper()
	png := filepath.Join(t.TempDir(), "page")
	run(t, "pdftoppm", "-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", path, png)
	out := run(t, "zbarimg", "--quiet", png+".png")
	return strings.Fields(out)
}

func wantText(t *testing.T, text string, want ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("the text lacks %q; it reads:\n%s", w, text)
		}
	}
}

func TestFoundTag(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"zh", []string{"失物招领", "LF260303-D1-007", "2026年3月3日 09:41", "1203", "首饰贵重物品", "柜A-3", "2026年6月3日", "黑色钱包"}},
		{"en", []string{"Lost and found", "LF260303-D1-007", "3 Mar 2026 09:41", "Room 1203", "Jewellery", "柜A-3", "3 Jun 2026"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := paper.FoundTag(&b, desk(tc.lang), foundItem()); err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, "tag-"+tc.lang+".pdf", b.Bytes())
			wantText(t, pdfText(t, path), tc.want...)
			checkFonts(t, path)
			if got := pageSize(t, path); !strings.HasPrefix(got, "283.46 x 170.08") {
				t.Errorf("page size %q, want 100×60 mm (283.46 x 170.08 pts)", got)
			}
			if got := pages(t, path); got != "1" {
				t.Errorf("%s pages, want 1", got)
			}
			if got := scan(t, path); len(got) != 1 || got[0] != "QR-Code:LF260303-D1-007" {
				t.Errorf("bar codes on the tag: %q, want the tag number once", got)
			}
		})
	}
}
