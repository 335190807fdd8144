package found

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// logItem logs an item found in the lobby in category cat, not valuable.
func logItem(t *testing.T, sc *Screen, cat app.Category, desc string) string {
	t.Helper()
	sc.showLogForm()
	f := sc.lastLogForm
	f.placeKind.SetSelected(f.placeKind.Options[1])
	test.Type(f.place, "Lobby")
	test.Type(f.finder, "Zhao Min")
	f.category.SetSelected(categoryName(cat))
	test.Type(f.desc, desc)
	test.Type(f.storage, "Safe 2")
	test.Tap(f.Save)
	if sc.lastLog == nil {
		t.Fatalf("not logged: %q", f.Errs.Text(""))
	}
	return sc.lastLog.tag
}

// The supervisor hands a passport to the police: the form offers it
// ticked and not the ring, refuses an officer's name beyond its limit
// beside the field, records the hand-over and prints the list with the
// officer and unit; the item's detail then shows the police in its
// custody chain and prints the list again.
func TestHandOverToThePolice(t *testing.T) {
	e, sc := desk(t)
	e.SignIn(t, "S01")
	sc.showPoliceForm("")
	if n := e.Session.LastNotice(); n != lang.L("found.police_none") {
		t.Fatalf("with nothing for the police: notice %q", n)
	}
	e.SignIn(t, "A01")
	logRing(sc, true) // valuables, within their hold: not offered
	passport := logItem(t, sc, app.CatDocuments, "passport of Li Na")
	e.SignIn(t, "S01")
	done := printer(t, e, sc, filepath.Join(t.TempDir(), "prints"))
	tapButton(t, e.Window.Content(), lang.L("found.to_police"))
	f := sc.lastPolice
	if f == nil || len(f.items) != 1 || f.items[0].Tag != passport || !f.ticks[0].Checked {
		t.Fatalf("the form offers %+v", f)
	}
	test.Type(f.officer, strings.Repeat("警", appfound.MaxOfficerRunes+1))
	test.Type(f.unit, "城关派出所")
	test.Tap(f.Save)
	if got := f.Errs.Text("officer"); !strings.Contains(got, "40") {
		t.Fatalf("an officer's name of 41 characters: %q", got)
	}
	f.officer.SetText(strings.Repeat("警", appfound.MaxOfficerRunes-3) + "张建国")
	test.Tap(f.Save)
	text := pdfText(t, waitPrinted(t, done))
	for _, want := range []string{"Found items handed to the police", passport, "passport of Li Na", "张建国", "城关派出所", "Li Na", "Received by (police officer)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the hand-over list lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "gold ring") {
		t.Errorf("the list holds the ring, which was not handed over: %s", text)
	}
	item := mustItem(t, e, passport)
	if item.Status != appfound.FoundDisposed || item.Handover == nil || !strings.Contains(text, item.Handover.ID) {
		t.Fatalf("after the hand-over: %s %+v", item.Status, item.Handover)
	}
	sc.Show(kit.KindFound, passport)
	if !slices.ContainsFunc(labels(e.Window.Content()), func(s string) bool { return strings.Contains(s, "城关派出所") }) {
		t.Errorf("the custody chain does not show the police: %v", labels(e.Window.Content()))
	}
	tapButton(t, e.Window.Content(), lang.L("found.print_police"))
	if again := pdfText(t, waitPrinted(t, done)); !strings.Contains(again, item.Handover.ID) || !strings.Contains(again, passport) {
		t.Errorf("printed again: %s", again)
	}
}

func TestHandOverNeedsItemsAndASupervisor(t *testing.T) {
	e, sc := desk(t)
	tag := logItem(t, sc, app.CatDocuments, "driving licence")
	sc.showPoliceForm("")
	f := sc.lastPolice
	test.Type(f.officer, "张建国")
	test.Type(f.unit, strings.Repeat("所", appfound.MaxUnitRunes))
	test.Tap(f.Save)
	if got := f.Errs.Text(""); got == "" {
		t.Fatal("an attendant's hand-over shows no refusal")
	}
	e.SignIn(t, "S01")
	f.ticks[0].SetChecked(false)
	test.Tap(f.Save)
	if got := f.Errs.Text("tags"); got != lang.L("refusal.found.police_no_items") {
		t.Fatalf("nothing ticked: %q", got)
	}
	f.ticks[0].SetChecked(true)
	test.Tap(f.Save)
	if item := mustItem(t, e, tag); item.Status != appfound.FoundDisposed || item.Handover.Unit != strings.Repeat("所", appfound.MaxUnitRunes) {
		t.Fatalf("a unit at its limit: %s %+v", item.Status, item.Handover)
	}
}

// Cash goes only to the police: its detail has no disposal button; food
// is disposed of after its short hold by the methods its category
// allows, not the police.
func TestDisposalFollowsTheCategory(t *testing.T) {
	e, sc := desk(t)
	food := logItem(t, sc, app.CatPerishables, "fruit basket")
	if item := mustItem(t, e, food); item.HoldUntil.Sub(item.FoundAt) != 24*time.Hour {
		t.Fatalf("food kept %v", item.HoldUntil.Sub(item.FoundAt))
	}
	e.SignIn(t, "S01")
	sc.Show(kit.KindFound, food)
	tapButton(t, e.Window.Content(), lang.L("found.dispose"))
	want := []string{lang.L("found.method.donate"), lang.L("found.method.destroy"), lang.L("found.method.finder")}
	if got := sc.lastDispose.Options; !slices.Equal(got, want) {
		t.Fatalf("food may go %v, want %v", got, want)
	}
	e.Clock.Advance(25 * time.Hour)
	sc.lastDispose.SetSelected(lang.L("found.method.destroy"))
	test.Tap(sc.lastForm.Save)
	if item := mustItem(t, e, food); item.Status != appfound.FoundDisposed || item.Disposal.By != "S01" {
		t.Fatalf("food after its hold: %s %+v; %q", item.Status, item.Disposal, sc.lastForm.Errs.Text(""))
	}

	money := mustItem(t, e, food)
	money.Category, money.Status = app.CatCash, appfound.FoundHeld
	box := sc.actions(money)
	if hasButton(box, lang.L("found.dispose")) || !hasButton(box, lang.L("found.to_police")) {
		t.Errorf("cash's actions: %v", buttonTexts(box))
	}
}

func hasButton(o fyne.CanvasObject, text string) bool { return slices.Contains(buttonTexts(o), text) }

func buttonTexts(o fyne.CanvasObject) []string {
	var out []string
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok {
			out = append(out, b.Text)
		}
	})
	return out
}

func labels(o fyne.CanvasObject) []string {
	var out []string
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}
