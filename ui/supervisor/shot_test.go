package supervisor

import (
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestScreenshots compares every tab of the supervisor screen with the
// demo hotel, in both languages, with the golden shots in testdata/shots,
// and checks what each tab must show. Run with -update-shots after a
// change meant to alter them, and look at the new goldens.
func TestScreenshots(t *testing.T) {
	for _, language := range []string{kit.English, kit.Chinese} {
		e := kittest.NewIn(t, language)
		e.UseFontTheme()
		e.Demo(t, 400)
		e.SignIn(t, "S01")
		loop := onTestGoroutine(e)
		b := backupsOf(e)
		if _, err := b.BackupNow(); err != nil {
			t.Fatal(err)
		}
		sc := newScreen(e.Session, e.Svc, b, reporterOf(e))
		e.Window.SetContent(sc.Content())
		sc.staff.show("S01")
		var titles []string
		for _, tb := range sc.all {
			titles = append(titles, tb.title())
		}
		for i, tab := range []struct {
			name  string
			shows []string
		}{
			{"staff", []string{"S01", "S12", lang.L("supervisor.staff_add"), lang.L("supervisor.reset_pin")}},
			{"keys", []string{"EMERGENCY", "F01-MASTER", lang.L("supervisor.key_add")}},
			{"items", []string{"hair_dryer", lang.L("supervisor.item_add")}},
			{"rooms", []string{"D1", "D3", lang.L("supervisor.desks")}},
			{"settings", []string{lang.L("supervisor.follow_up")}},
			{"conflicts", []string{lang.L("supervisor.no_conflicts")}},
			{"sync", []string{lang.L("supervisor.server_url")}},
			{"reports", []string{lang.L("report.print"), lang.L("report.sheet.summary"), lang.L("report.fig.requests")}},
			{"data", []string{lang.L("supervisor.backups_heading"), lang.L("status.heading"), "desk-test"}},
			{"guestdata", []string{lang.L("guestdata.heading"), lang.L("guestdata.find")}},
		} {
			sc.tabs.SelectIndex(i)
			settle(t, loop, sc.data)
			kittest.Shows(t, sc.Content(), titles...)
			kittest.Shows(t, sc.tabs.Items[i].Content, tab.shows...)
			if tab.name == "data" {
				steadyData(e, sc)
			}
			e.MatchShot(t, "supervisor-"+tab.name+"-"+language)
		}
	}
}

// steadyData shows the data tab as on every run: the test's data folder
// is a new temporary one each time, and the last change is stamped by
// the computer's clock, not the test's.
func steadyData(e *kittest.Env, sc *Screen) {
	content := sc.data.box
	kittest.Mask(content, e.Store.Dir(), "/home/desk/floordesk")
	kittest.Mask(content, sc.data.status.last.Text, kit.DateTime(e.Clock.Now()))
}
