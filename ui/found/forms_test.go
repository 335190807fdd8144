package found

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit/kittest"
)

// fileRingReport records John Smith's loss of a gold ring in 1203 and
// shows it with its matches.
func fileRingReport(t *testing.T, sc *Screen) string {
	t.Helper()
	sc.showReportForm()
	r := sc.lastReportForm
	test.Type(r.guest, "John Smith")
	test.Type(r.contact, "+44 7700 900123")
	test.Type(r.room, "1203")
	r.category.SetSelected(categoryName(app.CatValuables))
	test.Type(r.desc, "gold ring, red stone")
	test.Tap(r.Save)
	if sc.lastReport == nil {
		t.Fatalf("no report shown: %q", r.Errs.Text(""))
	}
	return sc.lastReport.id
}

// TestClaimFromALossReportCarriesTheReport: "Claim" beside a match on a
// loss report opens the item's claim form on that report; so does
// opening the match and then its claim.
func TestClaimFromALossReportCarriesTheReport(t *testing.T) {
	e, sc := desk(t)
	logRing(sc, true)
	tag := sc.lastLog.tag
	id := fileRingReport(t, sc)
	report, err := e.Svc.LostReport(id)
	if err != nil {
		t.Fatal(err)
	}
	tapButton(t, sc.Pane().Content(), lang.L("found.claim"))
	if sc.lastClaim == nil || sc.lastClaim.tag != tag {
		t.Fatalf("Claim beside the match opened %+v", sc.lastClaim)
	}
	if got, want := sc.lastClaim.report.Selected, reportLine(report); got != want {
		t.Errorf("the claim form's loss report is %q, want %q", got, want)
	}
	sc.showReport(id)
	tapButtonStarting(t, sc.Pane().Content(), tag+"  ")
	sc.showClaimForm(tag)
	if got, want := sc.lastClaim.report.Selected, reportLine(report); got != want {
		t.Errorf("opened from the report, the claim form's loss report is %q, want %q", got, want)
	}
}

// tapButtonStarting taps the button whose text starts with prefix.
func tapButtonStarting(t *testing.T, o fyne.CanvasObject, prefix string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button starting %q", prefix)
	}
	test.Tap(found)
}
