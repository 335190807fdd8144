package kit_test

import (
	"bytes"
	"errors"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

func TestSayRefusalInEachLanguage(t *testing.T) {
	tests := []struct{ language, want string }{
		{kit.English, "Wrong PIN for Li Na"},
		{kit.Chinese, "李娜"},
	}
	for _, tt := range tests {
		t.Run(tt.language, func(t *testing.T) {
			e := kittest.NewIn(t, tt.language)
			s, err := e.Svc.FirstSupervisor(app.NewStaff{Number: "S01", Name: map[string]string{kit.English: "Li Na", kit.Chinese: "李娜"}[tt.language],
				Department: "housekeeping", Role: app.RoleSupervisor, PIN: appdemo.DemoPIN})
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.Svc.Login(s.ID, "0000")
			got := kit.Say(err)
			if !strings.Contains(got, tt.want) || strings.Contains(got, "{{") {
				t.Errorf("Say(wrong PIN) = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestSayNeverShowsGoErrors(t *testing.T) {
	kittest.New(t)
	got := kit.Say(errors.New("badger: txn too big"))
	if strings.Contains(got, "badger") || !strings.Contains(got, "IT") {
		t.Errorf("Say(plain error) = %q, want the could-not-save sentence", got)
	}
	unknown := &app.Refusal{Code: "nobody.knows", Err: app.ErrForbidden}
	if got := kit.Say(unknown); got != kit.Say(&app.Refusal{Code: "x.y", Err: app.ErrForbidden}) || strings.Contains(got, "nobody") {
		t.Errorf("Say(untranslated refusal) = %q, want the forbidden sentence", got)
	}
	if kit.Say(nil) != "" {
		t.Error("Say(nil) is not empty")
	}
}

func TestFieldErrorsShowRefusalAtItsField(t *testing.T) {
	e := kittest.New(t)
	sup := e.Supervisor(t)
	fe := kit.NewFieldErrors()
	pinLabel := fe.For("pin")
	e.Window.SetContent(container(fe.For("name"), pinLabel, fe.Form()))
	err := e.Svc.ResetPIN(sup.ID, sup.ID, "12")
	if !fe.Show(err) {
		t.Fatal("a refusal of field pin was not shown at the field")
	}
	if fe.Text("pin") != kit.Say(err) || !pinLabel.Visible() || fe.Text("name") != "" {
		t.Errorf("pin label %q, name label %q", fe.Text("pin"), fe.Text("name"))
	}
	if fe.Show(errors.New("disk full")) || fe.Text("pin") != "" || fe.Text("") == "" {
		t.Error("a plain error must go to the form label and clear the field")
	}
	fe.Show(nil)
	if fe.Any() {
		t.Error("Show(nil) left an error showing")
	}
}

func TestIDListSelectsAndKeepsSelection(t *testing.T) {
	e := kittest.New(t)
	var picked []string
	l := kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() },
		func(id string, o fyne.CanvasObject) {
			o.(*kit.Row).Set("Room "+id, "detail", "", widget.MediumImportance)
		})
	l.OnSelectedID(func(id string) { picked = append(picked, id) })
	e.Window.SetContent(l.List)
	l.SetIDs([]string{"1201", "1202", "1203"})
	if !l.SelectID("1202") || l.Selected() != "1202" || len(picked) != 1 {
		t.Fatalf("select 1202: selected %q, picked %v", l.Selected(), picked)
	}
	l.SetIDs([]string{"1202", "1204"})
	if l.Selected() != "1202" || l.Len() != 2 {
		t.Errorf("after SetIDs selected %q len %d", l.Selected(), l.Len())
	}
	l.SetIDs([]string{"1204"})
	if l.Selected() != "" || l.SelectID("1999") {
		t.Error("selection of a vanished row was kept")
	}
}

func TestTimesInEachLanguage(t *testing.T) {
	now := time.Date(2026, 3, 5, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		language     string
		when         time.Time
		want, late   string
		span         time.Duration
		wantDuration string
	}{
		{kit.English, now.Add(-time.Hour), "14:00", "1 h late", 65 * time.Minute, "1 h 5 min"},
		{kit.Chinese, now.Add(-time.Hour), "14:00", "超时1小时", 65 * time.Minute, "1小时5分钟"},
		{kit.English, now.Add(-20 * time.Hour), "yesterday 19:00", "20 h late", 50 * time.Hour, "2 d 2 h"},
		{kit.Chinese, now.Add(-20 * time.Hour), "昨天 19:00", "超时20小时", 50 * time.Hour, "2天2小时"},
		{kit.English, now.Add(-72 * time.Hour), "2 Mar 15:00", "3 d 0 h late", 12 * time.Minute, "12 min"},
		{kit.Chinese, now.Add(-72 * time.Hour), "3月2日 15:00", "超时3天0小时", 12 * time.Minute, "12分钟"},
	}
	for _, tt := range tests {
		t.Run(tt.language+"/"+tt.want, func(t *testing.T) {
			kittest.NewIn(t, tt.language)
			if got := kit.When(tt.when, now); got != tt.want {
				t.Errorf("When = %q, want %q", got, tt.want)
			}
			if got := kit.Late(tt.when, now); got != tt.late {
				t.Errorf("Late = %q, want %q", got, tt.late)
			}
			if got := kit.Duration(tt.span); got != tt.wantDuration {
				t.Errorf("Duration = %q, want %q", got, tt.wantDuration)
			}
		})
	}
}

func TestSessionUserOpenNotify(t *testing.T) {
	e := kittest.New(t)
	s := e.Session
	if _, ok := s.User(); ok || s.IsSupervisor() {
		t.Fatal("somebody is signed in at the start")
	}
	changes := 0
	s.OnUserChange(func() { changes++ })
	e.SignIn(t, e.Supervisor(t).ID)
	if !s.IsSupervisor() || s.UserID() != "S01" || changes != 1 {
		t.Errorf("after sign-in: supervisor %v, id %q, changes %d", s.IsSupervisor(), s.UserID(), changes)
	}
	if s.Open(kit.KindKey, "F3") {
		t.Error("Open without an opener reported success")
	}
	s.SetOpener(func(kind, id string) bool { return kind == kit.KindKey })
	if !s.Open(kit.KindKey, "F3") {
		t.Error("Open did not reach the opener")
	}
	s.Notify("saved")
	if s.LastNotice() != "saved" {
		t.Errorf("LastNotice = %q", s.LastNotice())
	}
	s.SignOut()
	if _, ok := s.User(); ok {
		t.Error("still signed in after SignOut")
	}
}

func container(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewForm(widget.NewFormItem("a", objs[0]), widget.NewFormItem("b", objs[1]), widget.NewFormItem("c", objs[2]))
}

var _ = test.Tap

func TestLateWithinTheFirstMinuteIsDueNow(t *testing.T) {
	kittest.NewIn(t, kit.Chinese)
	now := time.Date(2026, 3, 5, 15, 0, 0, 0, time.UTC)
	if got := kit.Late(now.Add(-30*time.Second), now); got != "刚到期" {
		t.Errorf("Late 30 s = %q", got)
	}
	if got := kit.DueIn(now.Add(90*time.Minute), now); got != "1小时30分钟后到期" {
		t.Errorf("DueIn 90 min = %q", got)
	}
}

func TestDepartmentNamesInEachLanguage(t *testing.T) {
	tests := []struct{ language, code, want string }{
		{kit.Chinese, "housekeeping", "客房部"},
		{kit.English, "housekeeping", "Housekeeping"},
		{kit.Chinese, "spa", "spa"}, // a department a supervisor added reads as itself
		{kit.English, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.language+"/"+tt.code, func(t *testing.T) {
			kittest.NewIn(t, tt.language)
			var logged bytes.Buffer
			log.SetOutput(&logged)
			defer log.SetOutput(os.Stderr)
			if got := kit.DepartmentName(tt.code); got != tt.want {
				t.Errorf("DepartmentName(%q) = %q, want %q", tt.code, got, tt.want)
			}
			if logged.Len() > 0 {
				t.Errorf("DepartmentName(%q) logged %q", tt.code, logged.String())
			}
		})
	}
}

func laidOut(root fyne.CanvasObject, obj fyne.CanvasObject) bool {
	for _, o := range test.LaidOutObjects(root) {
		if o == obj {
			return true
		}
	}
	return false
}

func TestFormShowRowsHidesAndShowsARow(t *testing.T) {
	test.NewTempApp(t)
	f := kit.NewForm()
	a, b := f.Entry(""), f.Entry("")
	f.Row("A", "a", a)
	f.Row("B", "b", b)
	f.ShowRows(false, "b")
	w := test.NewTempWindow(t, f.Content("T", "Save"))
	if !laidOut(w.Content(), a) || laidOut(w.Content(), b) {
		t.Fatalf("hidden row: a shown %v, b shown %v", laidOut(w.Content(), a), laidOut(w.Content(), b))
	}
	f.ShowRows(true, "b")
	if !laidOut(w.Content(), b) {
		t.Error("row b not shown again")
	}
}

// TestKindName: a kind reads as its name in the user's language, and a
// kind without one as itself.
func TestKindName(t *testing.T) {
	kittest.New(t)
	for kind, want := range map[string]string{kit.KindKey: "Key", kit.KindLostReport: "Loss report", kit.KindHotel: "hotel", "other": "other"} {
		if got := kit.KindName(kind); got != want {
			t.Errorf("KindName(%q) = %q, want %q", kind, got, want)
		}
	}
}

// TestStaffNames: a staff member reads as their name, disabled or not, and
// an unknown ID as itself; a member added later is named after Load.
func TestStaffNames(t *testing.T) {
	e := kittest.New(t)
	sup := e.Supervisor(t)
	n := kit.NewStaffNames(e.Svc.Service)
	att := e.Attendant(t, sup.ID, "A01", "Wang Fang")
	if got := n.Name(att.ID); got != att.ID {
		t.Errorf("before Load, %s reads %q", att.ID, got)
	}
	n.Load()
	for id, want := range map[string]string{att.ID: "Wang Fang", sup.ID: sup.Name, "A99": "A99"} {
		if got := n.Name(id); got != want {
			t.Errorf("Name(%q) = %q, want %q", id, got, want)
		}
	}
	if len(n.Staff()) != 2 {
		t.Errorf("Staff() = %v", n.Staff())
	}
}

// TestSessionLocation: the hotel's time zone is the service's, or the
// PC's when the service names none.
func TestSessionLocation(t *testing.T) {
	e := kittest.New(t)
	shanghai := time.FixedZone("CST", 8*3600)
	e.Svc.Location = shanghai
	if got := e.Session.Location(); got != shanghai {
		t.Errorf("Location() = %v, want the service's", got)
	}
	e.Svc.Location = nil
	if got := e.Session.Location(); got != time.Local {
		t.Errorf("Location() = %v, want the PC's", got)
	}
}
