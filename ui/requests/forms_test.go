package requests

import (
	"strings"
	"testing"
)

// TestDispatchAsksForEveryMissingFieldAndClearsEach: a dispatch of a
// request taken at this desk, sent empty, asks to choose the department
// and to fill in who was told, together; choosing the department takes its
// error away and leaves the other.
func TestDispatchAsksForEveryMissingFieldAndClearsEach(t *testing.T) {
	d := newDesk(t)
	d.openRequest("303", "Air conditioner noisy", "")
	d.act(actDispatch)
	d.save()
	if d.sc.form == nil {
		t.Fatal("an empty dispatch was saved")
	}
	errs := d.sc.form.Errs
	if got := errs.Text("department"); got != "Please choose “Department”." {
		t.Errorf("department error %q", got)
	}
	if got := errs.Text("notified"); got != "Please fill in “Person notified”." {
		t.Errorf("person notified error %q", got)
	}
	d.choose("department", deptName("engineering"))
	if got := errs.Text("department"); got != "" {
		t.Errorf("a department was chosen and its error still reads %q", got)
	}
	if errs.Text("notified") == "" {
		t.Error("nobody is named as told and the error went")
	}
}

// TestHistoryKeepsTheIntakeAsItWasTaken: a request taken for the desk
// and later dispatched to engineering still reads, on its opening line,
// as taken for the desk; the dispatch line says engineering.
func TestHistoryKeepsTheIntakeAsItWasTaken(t *testing.T) {
	d := newDesk(t)
	d.openRequest("303", "Air conditioner noisy", "")
	d.act(actDispatch)
	d.choose("department", deptName("engineering"))
	d.typeInto("notified", "Engineer Zhao")
	d.save()
	if d.sc.form != nil {
		t.Fatalf("dispatch refused: %q", d.sc.form.Errs.Text(""))
	}
	dc := d.sc.Pane().Object().(*detailContent)
	opened := dc.history[0]
	if !strings.Contains(opened.detail, deptName("")) || strings.Contains(opened.detail, deptName("engineering")) {
		t.Errorf("the intake line reads %q, want it taken for %q", opened.detail, deptName(""))
	}
	if last := dc.history[len(dc.history)-1]; !strings.Contains(last.detail, deptName("engineering")) {
		t.Errorf("the dispatch line reads %q", last.detail)
	}
}
