package kit_test

import (
	"testing"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

func TestMaskName(t *testing.T) {
	for in, want := range map[string]string{
		"王芳": "王*", "欧阳娜娜": "欧**", "陈经理": "陈经理", "王小明先生": "王**先生",
		"John Smith": "J*** S***", "Mr. Brown": "Mr. B***", "": "", "Kim Min-jun": "K*** M***",
	} {
		if got := kit.MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGuestNamesMaskedForAttendantsOnly: a list shows a guest's name
// masked to an attendant and whole to a supervisor.
func TestGuestNamesMaskedForAttendantsOnly(t *testing.T) {
	e := kittest.New(t)
	sup := e.Supervisor(t)
	e.Attendant(t, sup.ID, "A01", "Wang Fang")
	e.SignIn(t, "A01")
	if got := kit.GuestName("王芳"); got != "王*" {
		t.Errorf("an attendant's list shows %q", got)
	}
	e.SignIn(t, sup.ID)
	if got := kit.GuestName("王芳"); got != "王芳" {
		t.Errorf("a supervisor's list shows %q", got)
	}
}

func TestMaskPersonal(t *testing.T) {
	for in, want := range map[string]string{
		"13812345678": "138****5678", "+86 138-1234-5678": "+86 1**-****-5678", "王芳": "王*",
		"John Smith": "J*** S***", "8001": "8***", "": "",
	} {
		if got := kit.MaskPersonal(in); got != want {
			t.Errorf("MaskPersonal(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRecordDetailMaskedForAGroupReader: a record's detail shows the
// guest whole to the supervisor serving them and masked to a group
// supervisor reading the property's copy, names and phones alike.
func TestRecordDetailMaskedForAGroupReader(t *testing.T) {
	e := kittest.New(t)
	sup := e.Supervisor(t)
	e.SignIn(t, sup.ID)
	if got := kit.Personal("王芳", personal.State{}); got != "王芳" {
		t.Errorf("the supervisor's detail shows %q", got)
	}
	e.Session.SignIn(app.Staff{ID: "group:hq", Name: "hq", Role: app.RoleGroupViewer})
	for in, want := range map[string]string{"王芳": "王*", "13812345678": "138****5678"} {
		if got := kit.Personal(in, personal.State{}); got != want {
			t.Errorf("a group reader's detail shows %q for %q, want %q", got, in, want)
		}
	}
}
