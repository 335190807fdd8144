package ui

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// shotURL stands in the shots for the test server's address, whose port
// changes from run to run.
const shotURL = "http://127.0.0.1:8420"

// TestJoinShots compares the steps of joining a hotel, in both languages,
// with the golden shots in testdata/shots: the choice, a refused code,
// the wait, naming the desk as an attendant and as a supervisor, and a
// server with no hotel. Run with -update-shots after a change meant to
// alter them, and look at the new goldens.
func TestJoinShots(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		srv := newSyncServer(t, false) // the joiners share a desk ID: one per server
		newHotelDesk(t, srv, "grand")
		b := newJoiner(t, language, useShotTheme)
		kittest.Shows(t, b.sh.Content(), lang.L("join.new_hotel"), lang.L("join.join"))
		b.MatchShot(t, "join-choice-"+language)

		j := b.join(t, srv.url, "AAAA-BBBB-CCCC-DDDD")
		b.q.Until(t, "the refusal", func() bool { return !j.f.Save.Disabled() })
		if j.result.Importance != widget.DangerImportance || j.result.Text == "" {
			t.Errorf("a wrong code reads %q", j.result.Text)
		}
		kittest.Shows(t, b.sh.Content(), j.result.Text, srv.url, lang.L("join.connect"))
		b.matchShotAt(t, srv, "join-refused-"+language)

		j.code.SetText(srv.code(t, "grand"))
		test.Tap(j.f.Save)
		var w *joinWait
		b.q.Until(t, "the wait", func() bool { w, _ = b.sh.step.(*joinWait); return w != nil })
		kittest.Shows(t, b.sh.Content(), lang.L("join.wait_title"), srv.url)
		showFixedProgress(w)
		b.matchShotAt(t, srv, "join-wait-"+language)

		b.q.Until(t, "the sign-in", func() bool { _, ok := b.sh.step.(*signIn); return ok })
		signInAs(t, b.sh, "A01")
		kittest.Shows(t, b.sh.Content(), lang.L("join.desk_title"), lang.L("join.desk_supervisor_only"))
		b.MatchShot(t, "join-desk-attendant-"+language)
		b.sh.SwitchUser()
		signInAs(t, b.sh, "S01")
		d := b.sh.step.(*deskPick)
		d.list.SelectID("D1")
		kittest.Shows(t, b.sh.Content(), lang.L("join.desk_list"), "3rd floor desk", lang.L("join.desk_use"), lang.L("join.desk_add_use"))
		b.MatchShot(t, "join-desk-"+language)

		e := newJoiner(t, language, useShotTheme)
		empty := newSyncServer(t, false) // the joiners share a desk ID: one per server
		e.join(t, empty.url, empty.code(t, "empty"))
		defer func() {
			if t.Failed() {
				st, _ := e.Store.Stats()
				ep, _ := e.Store.Epoch()
				t.Logf("step %T stats %+v epoch %q", e.sh.step, st, ep)
				if w != nil {
					t.Logf("total %+v askErr %v asking %v status %q detail %q", w.total, w.askErr, w.asking, w.status.Text, w.detail.Text)
				}
			}
		}()
		e.q.Until(t, "no hotel", func() bool { w, _ = e.sh.step.(*joinWait); return w != nil && w.noHotel.Visible() })
		kittest.Shows(t, e.sh.Content(), lang.L("join.no_hotel_title"), lang.L("join.back_new_hotel"))
		e.MatchShot(t, "join-no-hotel-"+language)
	}
}

func useShotTheme(e *kittest.Env) { e.App.Settings().SetTheme(shotTheme()) }

// matchShotAt is MatchShot with shotURL shown for the test server's
// address.
func (b *joiner) matchShotAt(t *testing.T, srv *syncServer, name string) {
	t.Helper()
	restore := kittest.Mask(b.sh.Content(), srv.url, shotURL)
	defer restore()
	b.MatchShot(t, name)
}

// showFixedProgress shows the wait at one moment: how many records have
// come by the shot, whether the server has said how many there are and
// whether the sync client has started depend on timing.
func showFixedProgress(w *joinWait) {
	total := w.total
	w.total = nil
	w.showProgress(data.Stats{Events: 5})
	w.total = total
	w.status.Importance = widget.MediumImportance
	w.status.SetText(lang.L("join.sync_starting"))
	w.detail.SetText("")
	w.showNoHotel(false)
}
