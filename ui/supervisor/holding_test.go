package supervisor

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"floordesk/app"
)

// The settings show the defaults (perishables 24 hours, cash only to the
// police, the call topics of manual 001) and save the supervisor's hours,
// methods and topics; a topic beyond its limit is refused on its row.
func TestSettingsHoldingMethodsAndTopics(t *testing.T) {
	e, sc := desk(t)
	st := sc.settings
	if st.days[app.CatPerishables].Text != "24" || !st.methods[app.CatCash]["police"].Checked || st.methods[app.CatCash]["donate"].Checked {
		t.Fatalf("defaults: perishables %q h, cash methods %v", st.days[app.CatPerishables].Text, st.methods[app.CatCash])
	}
	if !strings.Contains(st.topics.Text, "电视/遥控器") {
		t.Fatalf("default topics %q", st.topics.Text)
	}
	st.days[app.CatPerishables].SetText("6")
	st.methods[app.CatElectronics]["donate"].SetChecked(false)
	st.topics.SetText("电视/遥控器\n" + strings.Repeat("题", app.MaxTopicRunes+1))
	test.Tap(st.f.Save)
	if got := st.f.Errs.Text("topics"); !strings.Contains(got, "20") {
		t.Fatalf("a topic of 21 characters: %q", got)
	}
	st.topics.SetText("电视/遥控器\n " + strings.Repeat("题", app.MaxTopicRunes) + " \n\n")
	test.Tap(st.f.Save)
	h, _ := e.Svc.Settings()
	p, el := h.HoldingOf(app.CatPerishables), h.HoldingOf(app.CatElectronics)
	if p.Hours != 6 || p.Days != 0 || el.Allows("donate") || !el.Allows("destroy") ||
		!slices.Equal(h.CallTopics(), []string{"电视/遥控器", strings.Repeat("题", app.MaxTopicRunes)}) {
		t.Fatalf("saved perishables %+v, electronics %+v, topics %q; %q", p, el, h.CallTopics(), st.f.Errs.Text(""))
	}
	for _, m := range app.DisposalMethods {
		st.methods[app.CatClothing][m].SetChecked(false)
	}
	test.Tap(st.f.Save)
	if got := st.f.Errs.Text(""); !strings.Contains(got, lang.L("refusal.holding.no_method")) {
		t.Fatalf("no method ticked: %q", got)
	}
}
