package keys

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

// setupKeys sets up the hotel and registers four keys on desk D1's board.
func setupKeys(f *fixture) {
	f.T.Helper()
	f.SetupHotel()
	for _, k := range []NewKey{
		{Tag: "F3-MASTER", Type: KeyFloorMaster, Areas: []string{"floor 3"}, Desk: "D1"},
		{Tag: "F3-SEC-A", Type: KeySection, Areas: []string{"301-303"}, Desk: "D1"},
		{Tag: "STORE-1", Type: KeyStoreRoom, Desk: "D1"},
		{Tag: "EMERG", Type: KeyEmergency, Desk: "D1"},
	} {
		f.Must(f.Svc.RegisterKey(apptest.SupID, k))
	}
}

func signOut(f *fixture, tag, holder string) {
	f.T.Helper()
	in := KeySignOut{Tag: tag, Holder: holder, Purpose: "turn-down", Due: f.Clock.Now().Add(2 * time.Hour)}
	if tag == "F3-MASTER" || tag == "EMERG" {
		in.Witness, in.WitnessPIN = apptest.SupID, "1234"
	}
	f.Must(f.Svc.SignOutKey(apptest.AttID, in))
}

func TestRegisterKey(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		in       NewKey
		sentinel error
		code     string
	}{
		{"ok", apptest.SupID, NewKey{Tag: "F5-MASTER", Type: KeyFloorMaster, Areas: []string{"floor 5"}, Desk: "D2"}, nil, ""},
		{"attendant", apptest.AttID, NewKey{Tag: "F5-MASTER", Type: KeyFloorMaster}, app.ErrForbidden, "role.required"},
		{"no tag", apptest.SupID, NewKey{Type: KeyFloorMaster}, app.ErrInvalid, "field.required"},
		{"bad type", apptest.SupID, NewKey{Tag: "X", Type: "skeleton"}, app.ErrInvalid, "field.bad_value"},
		{"unknown desk", apptest.SupID, NewKey{Tag: "X", Type: KeyOther, Desk: "D9"}, app.ErrInvalid, "desk.unknown"},
		{"exists", apptest.SupID, NewKey{Tag: "F3-MASTER", Type: KeyOther}, app.ErrConflict, "key.exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			setupKeys(f)
			k, err := f.Svc.RegisterKey(tt.actor, tt.in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || k.Tag != "F5-MASTER" || k.Desk != "D2" || k.Areas[0] != "floor 5" {
				t.Fatalf("RegisterKey = %+v, %v", k, err)
			}
		})
	}
}

func TestSignOutKey(t *testing.T) {
	due := apptest.Start.Add(2 * time.Hour)
	tests := []struct {
		name     string
		prepare  func(*fixture)
		in       KeySignOut
		sentinel error
		code     string
	}{
		{"section key", nil, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "clean 301", Due: due}, nil, ""},
		{"master with witness", nil, KeySignOut{Tag: "F3-MASTER", Holder: apptest.AttID, Purpose: "turn-down", Due: due, Witness: apptest.Att2ID, WitnessPIN: "3456"}, nil, ""},
		{"unknown key", nil, KeySignOut{Tag: "NOPE", Holder: apptest.AttID, Purpose: "x", Due: due}, app.ErrNotFound, "key.not_found"},
		{"held", func(f *fixture) { signOut(f, "F3-SEC-A", apptest.Att2ID) }, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "x", Due: due}, app.ErrConflict, "key.held"},
		{"lost", func(f *fixture) { f.Must(f.Svc.ReportKeyLost(apptest.AttID, "F3-SEC-A", "dropped")) }, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "x", Due: due}, app.ErrConflict, "key.lost"},
		{"unknown holder", nil, KeySignOut{Tag: "F3-SEC-A", Holder: "X9", Purpose: "x", Due: due}, app.ErrNotFound, "staff.not_found"},
		{"disabled holder", func(f *fixture) { _ = f.Svc.DisableStaff(apptest.SupID, apptest.Att2ID, "") }, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.Att2ID, Purpose: "x", Due: due}, app.ErrForbidden, "staff.disabled"},
		{"no purpose", nil, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Due: due}, app.ErrInvalid, "field.required"},
		{"no due", nil, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "x"}, app.ErrInvalid, "field.required"},
		{"due in the past", nil, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "x", Due: apptest.Start.Add(-time.Minute)}, app.ErrInvalid, "field.bad_time"},
		{"master without witness", nil, KeySignOut{Tag: "F3-MASTER", Holder: apptest.AttID, Purpose: "x", Due: due}, app.ErrInvalid, "key.witness_required"},
		{"emergency without witness", nil, KeySignOut{Tag: "EMERG", Holder: apptest.AttID, Purpose: "x", Due: due}, app.ErrInvalid, "key.witness_required"},
		{"witness is holder", nil, KeySignOut{Tag: "F3-MASTER", Holder: apptest.AttID, Purpose: "x", Due: due, Witness: apptest.AttID, WitnessPIN: "2345"}, app.ErrInvalid, "key.witness_same"},
		{"witness wrong PIN", nil, KeySignOut{Tag: "F3-MASTER", Holder: apptest.AttID, Purpose: "x", Due: due, Witness: apptest.Att2ID, WitnessPIN: "0000"}, app.ErrForbidden, "pin.wrong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			setupKeys(f)
			if tt.prepare != nil {
				tt.prepare(f)
			}
			k, err := f.Svc.SignOutKey(apptest.AttID, tt.in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			l, out := k.Current()
			if err != nil || !out || l.Holder != apptest.AttID || l.OutBy != apptest.AttID || l.OutDesk != "D1" || l.Witness != tt.in.Witness {
				t.Fatalf("SignOutKey = %+v, %v", k, err)
			}
		})
	}
}

func TestKeyHeldMessage(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	f.Clock.Set(time.Date(2026, 3, 3, 13, 10, 0, 0, time.UTC))
	signOut(f, "F3-MASTER", apptest.AttID)
	f.Clock.Advance(20 * time.Minute)
	_, err := f.Svc.SignOutKey(apptest.Att2ID, KeySignOut{Tag: "F3-MASTER", Holder: apptest.Att2ID, Purpose: "x", Due: f.Clock.Now().Add(time.Hour), Witness: apptest.SupID, WitnessPIN: "1234"})
	want := "Key F3-MASTER is held by Wang Fang since 13:10 — sign it in first, or report it lost."
	if err == nil || err.Error() != want {
		t.Fatalf("got %v", err)
	}
}

func TestSignInKey(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		tag      string
		sentinel error
		code     string
	}{
		{"by holder", apptest.AttID, "F3-SEC-A", nil, ""},
		{"by someone else", apptest.Att2ID, "F3-SEC-A", nil, ""},
		{"on the board", apptest.AttID, "STORE-1", app.ErrConflict, "key.not_out"},
		{"unknown", apptest.AttID, "NOPE", app.ErrNotFound, "key.not_found"},
		{"unknown actor", "X9", "F3-SEC-A", app.ErrForbidden, "staff.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			setupKeys(f)
			signOut(f, "F3-SEC-A", apptest.AttID)
			f.Clock.Advance(time.Hour)
			k, err := f.Svc.SignInKey(tt.actor, tt.tag)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if _, out := k.Current(); err != nil || out {
				t.Fatalf("SignInKey = %+v, %v", k, err)
			}
			hist, err := f.Svc.KeyHistory(tt.tag)
			if err != nil || len(hist) != 1 || hist[0].InBy != tt.actor || !hist[0].In.Equal(apptest.Start.Add(time.Hour)) {
				t.Fatalf("history after the sign-in = %+v, %v", hist, err)
			}
			others, _ := f.Svc.SignInsByOthers(apptest.Start, apptest.Start.Add(24*time.Hour))
			if want := tt.actor != apptest.AttID; (len(others) == 1) != want {
				t.Fatalf("sign-ins by others = %+v", others)
			}
		})
	}
}

func TestOverdueKeys(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	signOut(f, "F3-SEC-A", apptest.AttID) // due 10:00
	f.Clock.Advance(time.Hour)
	signOut(f, "STORE-1", apptest.Att2ID) // due 11:00
	f.Clock.Set(apptest.Start.Add(150 * time.Minute))
	over, err := f.Svc.OverdueKeys()
	if err != nil || len(over) != 1 || over[0].Tag != "F3-SEC-A" {
		t.Fatalf("overdue at 10:30 = %+v, %v", over, err)
	}
	f.Clock.Set(apptest.Start.Add(4 * time.Hour))
	over, _ = f.Svc.OverdueKeys()
	if len(over) != 2 || over[0].Tag != "F3-SEC-A" {
		t.Fatalf("overdue at 12:00 = %+v", over)
	}
	out, _ := f.Svc.KeysOut()
	if len(out) != 2 {
		t.Fatalf("keys out = %d", len(out))
	}
}

func TestReportKeyLostAndClear(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	signOut(f, "F3-MASTER", apptest.AttID)
	f.Clock.Advance(time.Hour)
	_, err := f.Svc.ReportKeyLost(apptest.AttID, "F3-MASTER", "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	k, err := f.Svc.ReportKeyLost(apptest.AttID, "F3-MASTER", "lost on floor 3")
	if err != nil || !k.Lost || !k.Rekey || len(k.OpenLoans()) != 0 {
		t.Fatalf("lost = %+v, %v", k, err)
	}
	_, err = f.Svc.ReportKeyLost(apptest.AttID, "F3-MASTER", "again")
	apptest.WantRefusal(t, err, app.ErrConflict, "key.already_lost")
	rekey, _ := f.Svc.KeysForRekey()
	if len(rekey) != 1 {
		t.Fatalf("for re-keying = %d", len(rekey))
	}
	_, err = f.Svc.ClearRekey(apptest.AttID, "F3-MASTER", "re-keyed")
	apptest.WantRefusal(t, err, app.ErrForbidden, "role.required")
	_, err = f.Svc.ClearRekey(apptest.SupID, "STORE-1", "x")
	apptest.WantRefusal(t, err, app.ErrConflict, "key.not_flagged")
	k, err = f.Svc.ClearRekey(apptest.SupID, "F3-MASTER", "locks re-keyed, new key cut")
	if err != nil || k.Lost || k.Rekey {
		t.Fatalf("cleared = %+v, %v", k, err)
	}
	holders, _ := f.Svc.KeyHolderAt("F3-MASTER", apptest.Start.Add(30*time.Minute))
	after, _ := f.Svc.KeyHolderAt("F3-MASTER", apptest.Start.Add(90*time.Minute))
	if len(holders) != 1 || len(after) != 0 {
		t.Fatalf("holders while out %d, after loss %d", len(holders), len(after))
	}
}

func TestKeyHolderAt(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	signOut(f, "F3-SEC-A", apptest.AttID) // 08:00
	f.Clock.Advance(time.Hour)
	f.Must(f.Svc.SignInKey(apptest.AttID, "F3-SEC-A")) // 09:00
	f.Clock.Advance(time.Hour)
	signOut(f, "F3-SEC-A", apptest.Att2ID) // 10:00, still out
	for _, c := range []struct {
		at   time.Duration
		want string
	}{{-time.Minute, ""}, {0, apptest.AttID}, {59 * time.Minute, apptest.AttID}, {time.Hour, ""}, {2 * time.Hour, apptest.Att2ID}, {10 * time.Hour, apptest.Att2ID}} {
		got, err := f.Svc.KeyHolderAt("F3-SEC-A", apptest.Start.Add(c.at))
		if err != nil {
			t.Fatal(err)
		}
		holder := ""
		if len(got) == 1 {
			holder = got[0].Holder
		}
		if holder != c.want {
			t.Errorf("at +%v holder %q, want %q", c.at, holder, c.want)
		}
	}
	_, err := f.Svc.KeyHolderAt("NOPE", apptest.Start)
	apptest.WantRefusal(t, err, app.ErrNotFound, "key.not_found")
}

func TestKeyReports(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	signOut(f, "F3-SEC-A", apptest.AttID) // 08:00, in Wang's morning shift
	signOut(f, "STORE-1", apptest.Att2ID) // 08:00, outside Zhang's evening shift
	hist, _ := f.Svc.KeyHistory("F3-SEC-A")
	mine, _ := f.Svc.StaffKeyHistory(apptest.Att2ID)
	if len(hist) != 1 || len(mine) != 1 || mine[0].Tag != "STORE-1" {
		t.Fatalf("history %+v, staff %+v", hist, mine)
	}
	outside, err := f.Svc.SignOutsOutsideShift(apptest.Start, apptest.Start.Add(time.Hour))
	if err != nil || len(outside) != 1 || outside[0].Holder != apptest.Att2ID {
		t.Fatalf("outside shift = %+v, %v", outside, err)
	}
}

func TestCountKeys(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	signOut(f, "F3-SEC-A", apptest.AttID)
	c, err := f.Svc.CountKeys(apptest.AttID, 3, nil)
	if err != nil || !c.OK() || c.Shift != "morning" || len(c.Expected) != 3 {
		t.Fatalf("full board = %+v, %v", c, err)
	}
	c, err = f.Svc.CountKeys(apptest.AttID, 0, []string{"F3-MASTER", "F3-SEC-A"})
	if err != nil || c.OK() || len(c.Missing) != 2 || c.Extra[0] != "F3-SEC-A" {
		t.Fatalf("ticked board = %+v, %v", c, err)
	}
	_, err = f.Svc.CountKeys(apptest.AttID, 0, []string{"NOPE"})
	apptest.WantRefusal(t, err, app.ErrInvalid, "keys.count_unknown")
	_, err = f.Svc.CountKeys(apptest.AttID, -1, nil)
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_number")
	last, ok, _ := f.Svc.LastKeyCount("D1")
	all, _ := f.Svc.KeyCounts(apptest.Start, apptest.Start.Add(time.Hour))
	if !ok || last.ID != c.ID || len(all) != 2 {
		t.Fatalf("last %+v ok %v all %d", last, ok, len(all))
	}
}

func TestOpenDoor(t *testing.T) {
	ok := DoorOpeningInput{Room: "302", Guest: "Mr Tanaka", IDType: "passport", IDLast4: "7731"}
	tests := []struct {
		name     string
		edit     func(*DoorOpeningInput)
		sentinel error
		code     string
	}{
		{"ok", func(*DoorOpeningInput) {}, nil, ""},
		{"room not on list", func(d *DoorOpeningInput) { d.Room = "999" }, app.ErrInvalid, "room.unknown"},
		{"no guest", func(d *DoorOpeningInput) { d.Guest = " " }, app.ErrInvalid, "field.required"},
		{"bad id type", func(d *DoorOpeningInput) { d.IDType = "library_card" }, app.ErrInvalid, "field.bad_value"},
		{"whole id number", func(d *DoorOpeningInput) { d.IDLast4 = "110101199003077731" }, app.ErrInvalid, "door.id_last4"},
		{"symbols", func(d *DoorOpeningInput) { d.IDLast4 = "77-1" }, app.ErrInvalid, "door.id_last4"},
		{"unknown opener", func(d *DoorOpeningInput) { d.OpenedBy = "X9" }, app.ErrNotFound, "staff.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			in := ok
			tt.edit(&in)
			d, err := f.Svc.OpenDoor(apptest.AttID, in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || d.OpenedBy != apptest.AttID || d.IDLast4 != "7731" || d.Desk != "D1" {
				t.Fatalf("OpenDoor = %+v, %v", d, err)
			}
			list, _ := f.Svc.DoorOpenings(apptest.Start, apptest.Start.Add(time.Hour), "302")
			if len(list) != 1 {
				t.Fatalf("openings = %d", len(list))
			}
		})
	}
}

// TestKeyViewStaysSmallHistoryStaysWhole: a busy key's view keeps only its
// open loan, while "who held it" and its history still reach back to the
// first sign-out.
func TestKeyViewStaysSmallHistoryStaysWhole(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	const rounds = 35
	for i := 0; i < rounds; i++ {
		signOut(f, "F3-SEC-A", apptest.AttID)
		f.Clock.Advance(time.Hour)
		f.Must(f.Svc.SignInKey(apptest.AttID, "F3-SEC-A"))
		f.Clock.Advance(time.Hour)
	}
	signOut(f, "F3-SEC-A", apptest.Att2ID) // still out
	k, err := f.Svc.Key("F3-SEC-A")
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Loans) != 1 {
		t.Fatalf("view keeps %d loans, want the open one", len(k.Loans))
	}
	if cur, ok := k.Current(); !ok || cur.Holder != apptest.Att2ID {
		t.Fatalf("current loan = %+v, %v", cur, ok)
	}
	hist, err := f.Svc.KeyHistory("F3-SEC-A")
	if err != nil || len(hist) != rounds+1 {
		t.Fatalf("history has %d loans (%v), want %d", len(hist), err, rounds+1)
	}
	first, err := f.Svc.KeyHolderAt("F3-SEC-A", apptest.Start.Add(30*time.Minute))
	if err != nil || len(first) != 1 || first[0].Holder != apptest.AttID {
		t.Fatalf("holder at the first loan = %+v, %v", first, err)
	}
	mine, err := f.Svc.StaffKeyHistory(apptest.AttID)
	if err != nil || len(mine) != rounds {
		t.Fatalf("staff history has %d loans (%v), want %d", len(mine), err, rounds)
	}
}

func TestKeyLoansOutOfADay(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	signOut(f, "F3-SEC-A", apptest.AttID)
	f.Clock.Advance(time.Hour)
	signOut(f, "STORE-1", apptest.Att2ID)
	f.Clock.Advance(time.Hour)
	if _, err := f.Svc.SignInKey(apptest.AttID, "F3-SEC-A"); err != nil {
		t.Fatal(err)
	}
	f.Clock.Set(apptest.Start.Add(24 * time.Hour))
	signOut(f, "F3-SEC-A", apptest.Att2ID) // the next day
	day, err := f.Svc.KeyLoansOut(apptest.Start, apptest.Start.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(day) != 2 || day[0].Tag != "F3-SEC-A" || day[1].Tag != "STORE-1" || day[0].In.IsZero() || !day[1].In.IsZero() {
		t.Fatalf("the first day's sign-outs = %+v", day)
	}
}
