package ui

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestShots compares the shell's screens with the demo hotel, in both
// languages, with the golden shots in testdata/shots: the sign-in, the
// dashboard and the settings. Run with -update-shots after a change meant
// to alter them, and look at the new goldens.
func TestShots(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		se := newShellEnv(t, language, func(e *kittest.Env) {
			e.App.Settings().SetTheme(shotTheme())
			e.Demo(t, 300)
		})
		se.Svc.DeskCode = "D1"
		se.sh.showCurrent()
		kittest.Shows(t, se.sh.Content(), lang.L("shell.sign_in_title"), lang.L("shell.sign_in"), "S01")
		se.MatchShot(t, "signin-"+language)
		signInAs(t, se.sh, "S01")
		var tiles []string
		for _, k := range se.sh.Dashboard().tileKeys {
			tiles = append(tiles, lang.L(k))
		}
		kittest.Shows(t, se.sh.Content(), tiles...)
		if len(se.sh.Dashboard().Lines()) == 0 {
			t.Error("the demo hotel's dashboard lists nothing to do")
		}
		se.MatchShot(t, "dashboard-"+language)
		se.sh.Select("settings")
		kittest.Shows(t, se.sh.Content(), lang.L("shell.settings_language"), lang.L("shell.settings_theme"))
		se.MatchShot(t, "settings-"+language)
	}
}

// shotTheme is the desk's theme, dark: Fyne's test app follows neither
// variant, and a golden must look as a desk does.
func shotTheme() *Theme { return NewTheme().WithVariant(theme.VariantDark) }
