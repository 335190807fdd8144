package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestShots saves the shell's screens in both languages as PNGs in the
// folder FLOORDESK_SHOTS names, for a person to look at; otherwise into a temporary folder, so
// every pane is still driven in both languages.
func TestShots(t *testing.T) {
	dir := os.Getenv("FLOORDESK_SHOTS")
	if dir == "" {
		dir = t.TempDir() // still drive every pane, keep the files nowhere
	}
	for _, language := range []string{kit.Chinese, kit.English} {
		se := newShellEnv(t, language, func(e *kittest.Env) { e.Demo(t, 300) })
		se.Svc.DeskCode = "D1"
		se.sh.showCurrent()
		shoot(t, se, filepath.Join(dir, "signin-"+language+".png"))
		signInAs(t, se.sh, "S01")
		shoot(t, se, filepath.Join(dir, "dashboard-"+language+".png"))
		se.sh.Select("settings")
		shoot(t, se, filepath.Join(dir, "settings-"+language+".png"))
	}
}

func shoot(t *testing.T, se *shellEnv, file string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, se.Window.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
