package found

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"floordesk/assets"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// shotTheme is the default theme with the desk's bundled Chinese font.
type shotTheme struct{ fyne.Theme }

func (shotTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return fyne.NewStaticResource("bold.otf", assets.FontBold)
	}
	return fyne.NewStaticResource("regular.otf", assets.FontRegular)
}

// TestScreenshots writes PNGs of the screen with demo data in both
// languages into $FLOORDESK_SHOTS, for a person to look at.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("FLOORDESK_SHOTS")
	if dir == "" {
		dir = t.TempDir() // still drive every pane, keep the files nowhere
	}
	for _, language := range []string{kit.English, kit.Chinese} {
		e := kittest.NewIn(t, language)
		e.App.Settings().SetTheme(shotTheme{theme.DefaultTheme()})
		e.Demo(t, 400)
		e.SignIn(t, "S01")
		sc := newScreen(e.Session)
		e.Window.SetContent(sc.Content())
		ids := sc.list.IDs()
		if len(ids) > 0 {
			sc.list.SelectID(ids[0])
		}
		shot(t, e, filepath.Join(dir, "found-detail-"+language+".png"))
		sc.showLogForm()
		shot(t, e, filepath.Join(dir, "found-log-"+language+".png"))
		if len(ids) > 0 {
			sc.showClaimForm(ids[0])
			shot(t, e, filepath.Join(dir, "found-claim-"+language+".png"))
			sc.showLabel(ids[0], nil)
			shot(t, e, filepath.Join(dir, "found-label-"+language+".png"))
			sc.showDisposeForm(ids[0])
			test.Tap(sc.lastForm.Save)
			shot(t, e, filepath.Join(dir, "found-dispose-"+language+".png"))
		}
	}
}

func shot(t *testing.T, e *kittest.Env, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, e.Window.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
