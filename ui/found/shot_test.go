package found

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestScreenshots compares the screen with the demo hotel, in both
// languages, with the golden shots in testdata/shots: an item's detail,
// the log and claim forms, the label, and a refused dispose form. Run with -update-shots
// after a change meant to alter them, and look at the new goldens.
func TestScreenshots(t *testing.T) {
	for _, language := range []string{kit.English, kit.Chinese} {
		e := kittest.NewIn(t, language)
		e.UseFontTheme()
		e.Demo(t, 400)
		e.SignIn(t, "S01")
		sc := New(e.Session, e.Svc).(*Screen)
		e.Window.SetContent(sc.Content())
		ids := sc.List().IDs()
		if len(ids) == 0 {
			t.Fatal("the demo hotel has no found items")
		}
		tag := ids[0]
		sc.List().SelectID(tag)
		kittest.Shows(t, sc.Pane().Content(), tag, lang.L("found.finder"), lang.L("found.custody"),
			lang.L("found.claim"), lang.L("found.dispose"), lang.L("found.label"))
		e.MatchShot(t, "found-detail-"+language)
		sc.showLogForm()
		kittest.Shows(t, sc.Pane().Content(), lang.L("found.finder"), lang.L("found.log_save"))
		e.MatchShot(t, "found-log-"+language)
		sc.showClaimForm(tag)
		kittest.Shows(t, sc.Pane().Content(), lang.L("found.claim_heading", map[string]string{"Tag": tag}),
			lang.L("found.claimant"), lang.L("found.claim_save"))
		e.MatchShot(t, "found-claim-"+language)
		sc.showLabel(tag, nil)
		kittest.Shows(t, sc.Pane().Content(), lang.L("found.label_heading"), tag)
		e.MatchShot(t, "found-label-"+language)
		sc.showDisposeForm(tag)
		test.Tap(sc.lastForm.Save)
		refusal := sc.lastForm.Errs.Text("method")
		if refusal == "" {
			t.Error("disposing with no method picked is not refused")
		}
		kittest.Shows(t, sc.Pane().Content(), lang.L("found.dispose_heading", map[string]string{"Tag": tag}), refusal)
		e.MatchShot(t, "found-dispose-"+language)
	}
}
