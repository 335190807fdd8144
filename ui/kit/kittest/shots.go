package kittest

import (
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"floordesk/assets"
)

// Shot writes what the test window shows to path as a PNG.
func (e *Env) Shot(t testing.TB, path string) {
	t.Helper()
	writePNG(t, path, e.Window.Canvas().Capture(), png.DefaultCompression)
}

// UseFontTheme draws the test window with Fyne's default theme and the
// desk's bundled font, as screenshot tests need: Chinese shows, and the
// same on every machine.
func (e *Env) UseFontTheme() {
	e.App.Settings().SetTheme(FontTheme{Theme: theme.DefaultTheme()})
}

// FontTheme wraps a theme with the desk's bundled Chinese font, so test
// captures show Chinese as the desk does.
type FontTheme struct{ fyne.Theme }

// Font is the bundled Noto Sans SC, bold or regular.
func (FontTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return fyne.NewStaticResource("bold.otf", assets.FontBold)
	}
	return fyne.NewStaticResource("regular.otf", assets.FontRegular)
}

// UsedKeys lists the translation keys matched by pattern's first group in
// the Go files of the test's own package folder.
func UsedKeys(t testing.TB, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(pattern)
	var out []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// CheckTranslated fails the test for every key missing from a language's
// translation file.
func CheckTranslated(t testing.TB, keys []string) {
	t.Helper()
	for _, lang := range assets.Languages {
		table, err := assets.Table(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, ok := table[k]; !ok {
				t.Errorf("%s.json lacks %q", lang, k)
			}
		}
	}
}
