package supervisor

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/theme"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestScreenshots writes PNGs of the supervisor screen with demo data in both
// languages into $FLOORDESK_SHOTS, for a person to look at.
func TestScreenshots(t *testing.T) {
	dir := kittest.ShotDir(t)
	for _, language := range []string{kit.English, kit.Chinese} {
		e := kittest.NewIn(t, language)
		e.App.Settings().SetTheme(kittest.FontTheme{Theme: theme.DefaultTheme()})
		e.Demo(t, 400)
		e.SignIn(t, "S01")
		loop := onTestGoroutine(e)
		b := backupsOf(e)
		if _, err := b.BackupNow(); err != nil {
			t.Fatal(err)
		}
		sc := newScreen(e.Session, b)
		e.Window.SetContent(sc.Content())
		sc.staff.show("S01")
		for i, name := range []string{"staff", "keys", "items", "rooms", "settings", "conflicts", "sync", "data"} {
			sc.tabs.SelectIndex(i)
			settle(t, loop, sc.data)
			e.Shot(t, filepath.Join(dir, "supervisor-"+name+"-"+language+".png"))
		}
	}
}
