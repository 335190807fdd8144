package kit_test

import (
	"testing"

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
