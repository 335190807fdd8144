package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestJoinShots saves the steps of joining a hotel in both languages as
// PNGs in $FLOORDESK_SHOTS, for a person to look at (else a temporary
// folder): the choice, a refused code, the wait, naming the desk as an
// attendant and as a supervisor, and a server with no hotel.
func TestJoinShots(t *testing.T) {
	dir := kittest.ShotDir(t)
	for _, language := range []string{kit.Chinese, kit.English} {
		srv := newSyncServer(t, false) // the joiners share a desk ID: one per server
		newHotelDesk(t, srv, "grand")
		b := newJoiner(t, language)
		b.App.Settings().SetTheme(NewTheme())
		shot := func(name string) { b.Shot(t, filepath.Join(dir, "join-"+name+"-"+language+".png")) }
		shot("choice")
		j := b.join(t, srv.url, "AAAA-BBBB-CCCC-DDDD")
		b.q.until(t, "the refusal", func() bool { return !j.f.Save.Disabled() })
		shot("refused")
		j.code.SetText(srv.code(t, "grand"))
		test.Tap(j.f.Save)
		var w *joinWait
		b.q.until(t, "the wait", func() bool { w, _ = b.sh.step.(*joinWait); return w != nil })
		shot("wait")
		b.q.until(t, "the sign-in", func() bool { _, ok := b.sh.step.(*signIn); return ok })
		signInAs(t, b.sh, "A01")
		shot("desk-attendant")
		b.sh.SwitchUser()
		signInAs(t, b.sh, "S01")
		d := b.sh.step.(*deskPick)
		d.list.SelectID("D1")
		shot("desk")

		e := newJoiner(t, language)
		e.App.Settings().SetTheme(NewTheme())
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
		e.q.until(t, "no hotel", func() bool { w, _ = e.sh.step.(*joinWait); return w != nil && w.noHotel.Visible() })
		e.Shot(t, filepath.Join(dir, "join-no-hotel-"+language+".png"))
	}
}
