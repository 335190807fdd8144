package found

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestScreenshots writes PNGs of the screen with demo data in both
// languages into $FLOORDESK_SHOTS, for a person to look at.
func TestScreenshots(t *testing.T) {
	dir := kittest.ShotDir(t)
	for _, language := range []string{kit.English, kit.Chinese} {
		e := kittest.NewIn(t, language)
		e.App.Settings().SetTheme(kittest.FontTheme{Theme: theme.DefaultTheme()})
		e.Demo(t, 400)
		e.SignIn(t, "S01")
		sc := New(e.Session).(*Screen)
		e.Window.SetContent(sc.Content())
		ids := sc.List().IDs()
		if len(ids) > 0 {
			sc.List().SelectID(ids[0])
		}
		e.Shot(t, filepath.Join(dir, "found-detail-"+language+".png"))
		sc.showLogForm()
		e.Shot(t, filepath.Join(dir, "found-log-"+language+".png"))
		if len(ids) > 0 {
			sc.showClaimForm(ids[0])
			e.Shot(t, filepath.Join(dir, "found-claim-"+language+".png"))
			sc.showLabel(ids[0], nil)
			e.Shot(t, filepath.Join(dir, "found-label-"+language+".png"))
			sc.showDisposeForm(ids[0])
			test.Tap(sc.lastForm.Save)
			e.Shot(t, filepath.Join(dir, "found-dispose-"+language+".png"))
		}
	}
}
