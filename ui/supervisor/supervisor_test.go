package supervisor

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"floordesk/app"
	appkeys "floordesk/app/keys"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// desk opens the screen for supervisor S01 with attendant A01.
func desk(t *testing.T) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.New(t)
	e.Supervisor(t)
	e.Attendant(t, "S01", "A01", "Wang Fang")
	e.SignIn(t, "S01")
	sc := newScreen(e.Session, e.Svc, backupsOf(e), reporterOf(e))
	e.Window.SetContent(sc.Content())
	return e, sc
}

func TestAddStaffMember(t *testing.T) {
	e, sc := desk(t)
	sc.staff.showAdd()
	f := sc.staff.addForm
	test.Type(f.number, "A02")
	test.Type(f.name, "Zhang Wei")
	f.dept.SetSelected("Housekeeping")
	f.shift.SetSelected("Evening")
	test.Type(f.pin, "12")
	if f.Errs.Text("pin") == "" {
		t.Fatal("a short PIN is not flagged as typed")
	}
	test.Type(f.pin, "34")
	if f.Errs.Text("pin") != "" {
		t.Fatalf("a good PIN still flagged: %q", f.Errs.Text("pin"))
	}
	test.Tap(f.Save)
	if !slices.Contains(sc.staff.List().IDs(), "A02") {
		t.Fatalf("list = %v; errors %q", sc.staff.List().IDs(), f.Errs.Text(""))
	}
	st, err := e.Svc.StaffMember("A02")
	if err != nil || st.Department != "housekeeping" || st.Shift != "evening" || st.Role != app.RoleAttendant {
		t.Fatalf("staff %+v, %v", st, err)
	}
	if n := e.Session.LastNotice(); !strings.Contains(n, "Zhang Wei") {
		t.Fatalf("notice %q", n)
	}

	sc.staff.showAdd()
	f = sc.staff.addForm
	test.Type(f.number, "A02")
	test.Type(f.name, "Someone Else")
	f.dept.SetSelected("Housekeeping")
	test.Type(f.pin, "5678")
	test.Tap(f.Save)
	if got := f.Errs.Text(""); !strings.Contains(got, "already used by Zhang Wei") {
		t.Fatalf("duplicate number says %q", got)
	}
}

func TestDisableAndResetPIN(t *testing.T) {
	e, sc := desk(t)
	sc.staff.show("A01")
	ed := sc.staff.edit
	test.Type(ed.newPIN, "9876")
	test.Tap(ed.pin.Save)
	if _, err := e.Svc.Login("A01", "9876"); err != nil {
		t.Fatalf("new PIN refused: %v", err)
	}
	test.Type(ed.reason, "left the hotel")
	test.Tap(ed.status.Save)
	if st, _ := e.Svc.StaffMember("A01"); !st.Disabled {
		t.Fatalf("not disabled; %q", ed.status.Errs.Text(""))
	}
	sc.staff.show("S01")
	test.Tap(sc.staff.edit.status.Save)
	if got := sc.staff.edit.status.Errs.Text(""); got == "" {
		t.Fatal("disabling yourself shows no refusal")
	}
}

func TestSettingsAndRooms(t *testing.T) {
	e, sc := desk(t)
	st := sc.settings
	if st.lead.Text != "15" {
		t.Errorf("scheduled requests show %q minutes early, want the default 15", st.lead.Text)
	}
	if st.grace.Text != "5" {
		t.Errorf("a clock-in is on time %q minutes past the shift's start, want the default 5", st.grace.Text)
	}
	st.follow.SetText("15")
	st.lead.SetText("30")
	st.grace.SetText("61")
	test.Tap(st.f.Save)
	if got := st.f.Errs.Text("late_grace"); got == "" {
		t.Error("a grace of 61 minutes shows no refusal")
	}
	st.grace.SetText("10")
	st.areas.SetText("大堂\n  \n西餐厅 \n")
	st.days[app.CatClothing].SetText("30")
	test.Tap(st.f.Save)
	h, _ := e.Svc.Settings()
	if h.FollowUp != 15*time.Minute || h.ScheduleLead != 30*time.Minute || h.Grace() != 10*time.Minute || h.Holding[app.CatClothing].Days != 30 ||
		strings.Join(h.Areas, "|") != "大堂|西餐厅" {
		t.Fatalf("settings %v %v %+v %q; %q", h.FollowUp, h.ScheduleLead, h.Holding, h.Areas, st.f.Errs.Text(""))
	}

	sc.rooms.showPreview("tower.csv", []byte("floor,room,type\n3,0301,K\n3,0301,T\n"))
	if got := sc.rooms.imp.Errs.Text("file"); !strings.Contains(got, "0301 appears twice") {
		t.Fatalf("duplicate room says %q", got)
	}
	sc.rooms.showPreview("tower.csv", []byte("floor,room,type\n3,0301,K\n3,0302,T\n4,0401,K\n"))
	if l, _ := e.Svc.Rooms(); len(l.Rooms) != 0 {
		t.Fatalf("%d rooms saved before the preview was confirmed", len(l.Rooms))
	}
	sc.rooms.pending.Preview.Confirm()
	if got := sc.rooms.result.Text; !strings.Contains(got, "3 rooms on floors 3–4") {
		t.Fatalf("import says %q", got)
	}
	df := sc.rooms.deskForm
	test.Type(df.code, "D1")
	test.Type(df.name, "3F desk")
	test.Type(df.floors, "3, 9")
	test.Tap(df.Save)
	if got := df.Errs.Text("floors"); !strings.Contains(got, "Floor 9") {
		t.Fatalf("unknown floor says %q", got)
	}
}

func TestEnrolmentSaysWhatHappened(t *testing.T) {
	_, sc := desk(t)
	s := sc.sync
	s.enroll = func(context.Context, kit.LocalStore, string, string) error {
		return fmt.Errorf("enroll: %w", &data.ServerError{Status: 403})
	}
	test.Type(s.url, "ftp://x")
	if s.f.Errs.Text("url") == "" {
		t.Fatal("a bad address is not flagged as typed")
	}
	s.url.SetText("https://sync.hotel.example")
	test.Type(s.code, "ABCD-1234")
	test.Tap(s.f.Save)
	<-s.done
	if got := s.result.Text; !strings.Contains(got, "refused the code") {
		t.Fatalf("result %q", got)
	}
	s.enroll = func(context.Context, kit.LocalStore, string, string) error { return nil }
	test.Type(s.code, "X")
	test.Tap(s.f.Save)
	<-s.done
	if got := s.result.Text; !strings.Contains(got, "Connected") {
		t.Fatalf("result %q", got)
	}
}

func TestRegisterKeyAndClearRekey(t *testing.T) {
	e, sc := desk(t)
	sc.keys.showRegister()
	f := sc.keys.regForm
	test.Type(f.tag, "F3-MASTER")
	f.kind.SetSelected("Floor master")
	test.Type(f.areas, "3F east, 3F west")
	test.Tap(f.Save)
	k, err := e.Svc.Key("F3-MASTER")
	if err != nil || k.Type != appkeys.KeyFloorMaster || len(k.Areas) != 2 {
		t.Fatalf("key %+v %v; %q", k, err, f.Errs.Text(""))
	}
	if _, err := e.Svc.ReportKeyLost("S01", "F3-MASTER", "not on the board"); err != nil {
		t.Fatal(err)
	}
	sc.Refresh(nil)
	sc.keys.show("F3-MASTER")
	test.Type(sc.keys.clear.First.(*kit.Entry), "locks changed by engineering")
	test.Tap(sc.keys.clear.Save)
	if k, _ := e.Svc.Key("F3-MASTER"); k.Rekey {
		t.Fatalf("still flagged; %q", sc.keys.clear.Errs.Text(""))
	}
}

func TestItemStockPerDesk(t *testing.T) {
	e, sc := desk(t)
	for _, d := range []string{"D1", "D2"} {
		if _, err := e.Svc.SetDesk("S01", d, d+" desk", []int{3}); err != nil {
			t.Fatal(err)
		}
	}
	sc.Refresh(nil)
	sc.items.showForm(app.ItemType{})
	f := sc.items.form
	test.Type(f.code, "hair_dryer")
	test.Type(f.name, "吹风机 hair dryer")
	f.stock["D1"].SetText("6")
	f.stock["D2"].SetText("x")
	if f.Errs.Text("stock.D2") == "" {
		t.Fatal("a bad count is not flagged as typed")
	}
	f.stock["D2"].SetText("4")
	test.Tap(f.Save)
	it, err := e.Svc.ItemTypeByCode("hair_dryer")
	if err != nil || it.Stock["D1"] != 6 || it.Stock["D2"] != 4 {
		t.Fatalf("item %+v %v; %q", it, err, f.Errs.Text(""))
	}
	if ids := sc.items.List().IDs(); len(ids) != 1 || ids[0] != "hair_dryer" {
		t.Fatalf("list %v", ids)
	}
}

// TestSyncTabOffersTheServerInUse: a desk already enrolled shows its
// server's address in the form, so enrolling it again (a revoked token)
// needs only the new code.
func TestSyncTabOffersTheServerInUse(t *testing.T) {
	e, sc := desk(t)
	if err := e.Store.SetSetting(data.SettingServerURL, "https://sync.hotel.example:8420"); err != nil {
		t.Fatal(err)
	}
	sc.Refresh(nil)
	if got := sc.sync.url.Text; got != "https://sync.hotel.example:8420" {
		t.Errorf("the address field reads %q", got)
	}
}
