package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	appkeys "floordesk/app/keys"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// shellEnv is a shell on a test world, with two fake area screens.
type shellEnv struct {
	*kittest.Env
	sh        *Shell
	keys, sup *fakeScreen
	tick      chan time.Time
	changes   *data.Subscription
}

// settle hands the shell the store's changes since the last settle, as
// its change feed does in the app (one goroutine less, for the tests).
func (se *shellEnv) settle() {
	if refs := se.changes.Next(); len(refs) > 0 {
		se.sh.refreshChanged(refs)
	}
}

func newShellEnv(t *testing.T, language string, prepare func(e *kittest.Env)) *shellEnv {
	t.Helper()
	e := kittest.NewIn(t, language)
	if prepare != nil {
		prepare(e)
	}
	se := &shellEnv{Env: e, keys: newFake("keys", kit.KindKey, fyne.KeyK), sup: newFake("supervisor", kit.KindStaff, fyne.KeyU),
		tick: make(chan time.Time), changes: e.Store.Subscribe()}
	t.Cleanup(se.changes.Close)
	se.sh = NewShell(e.Session, withDashboard(e.Svc, e.Session, se.keys, restrictedScreen{se.sup}), Options{Tick: se.tick})
	e.Window.SetContent(se.sh.Content())
	se.sh.Start()
	t.Cleanup(se.sh.Stop)
	return se
}

func screenIDs(sh *Shell) []string {
	var ids []string
	for _, s := range sh.Screens() {
		ids = append(ids, s.ID())
	}
	return ids
}

func TestFirstRunCreatesSupervisorAndDesk(t *testing.T) {
	se := newShellEnv(t, kit.English, nil)
	f := findFirstRun(t, se.sh)
	test.Type(f.number, "S01")
	test.Type(f.name, "Li Na")
	test.Type(f.pin, "2468")
	test.Type(f.pin2, "2469")
	if got := f.staffErr.Text("pin2"); got != "The two PINs differ." {
		t.Errorf("PIN check as you type shows %q", got)
	}
	f.pin2.SetText("")
	test.Type(f.pin2, "2468")
	test.Type(f.deskName, "3rd floor desk")
	f.useRooms("rooms.csv", strings.NewReader("floor,room,type\n3,301,double\n3,302,twin\n"))
	f.roomsImp.Preview.Confirm()
	test.Type(f.deskCode, "D3")
	f.deskCode.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u, ok := se.Session.User()
	if !ok || u.ID != "S01" || u.Role != app.RoleSupervisor {
		t.Fatalf("after first run signed in %+v %v", u, ok)
	}
	if rooms, _ := se.Svc.Rooms(); len(rooms.Rooms) != 2 {
		t.Errorf("rooms imported: %d, want 2", len(rooms.Rooms))
	}
	if got := se.sh.StatusText(); !strings.Contains(got, "Li Na (Supervisor)") || !strings.Contains(got, "3rd floor desk") || !strings.Contains(got, "Works on its own") {
		t.Errorf("status bar reads %q", got)
	}
	// The set-up's records wait for a server that a desk on its own never
	// has: no count of them reads like an alarm.
	if got := se.sh.StatusText(); strings.Contains(got, "to sync") {
		t.Errorf("a desk on its own counts records to sync: %q", got)
	}
	if se.sh.Current().ID() != "dashboard" {
		t.Errorf("first screen after sign-in is %s", se.sh.Current().ID())
	}
}

func TestFirstRunKeepsWhatWasTypedOnARefusal(t *testing.T) {
	se := newShellEnv(t, kit.Chinese, nil)
	f := findFirstRun(t, se.sh)
	test.Type(f.number, "S01")
	test.Type(f.pin, "2468")
	test.Type(f.pin2, "2468")
	f.submit()
	if f.staffErr.Text("name") == "" || f.number.Text != "S01" {
		t.Fatalf("name refusal %q, number kept %q", f.staffErr.Text("name"), f.number.Text)
	}
	test.Type(f.name, "李娜")
	f.submit() // the desk is refused now: no code, no name
	if f.deskErr.Text("code") == "" || f.created == nil {
		t.Fatalf("desk code refusal %q, supervisor created %v", f.deskErr.Text("code"), f.created != nil)
	}
	test.Type(f.deskCode, "D1")
	test.Type(f.deskName, "三楼服务台")
	f.submit()
	if u, ok := se.Session.User(); !ok || u.Name != "李娜" {
		t.Fatalf("not signed in after fixing the desk: %+v", u)
	}
	if !strings.Contains(se.sh.StatusText(), "服务台：三楼服务台") || !strings.Contains(se.sh.StatusText(), "单机工作") {
		t.Errorf("status bar reads %q", se.sh.StatusText())
	}
}

// findFirstRun takes the new hotel way from the first run's choice.
func findFirstRun(t *testing.T, sh *Shell) *firstRun {
	t.Helper()
	test.Tap(findChoice(t, sh).newHotel)
	fr, ok := sh.step.(*firstRun)
	if !ok {
		t.Fatalf("the shell shows %T, want the first run", sh.step)
	}
	return fr
}

func findChoice(t *testing.T, sh *Shell) *firstRunChoice {
	t.Helper()
	c, ok := sh.step.(*firstRunChoice)
	if !ok {
		t.Fatalf("the shell shows %T, want the first run's choice", sh.step)
	}
	return c
}

func findSignIn(t *testing.T, sh *Shell) *signIn {
	t.Helper()
	si, ok := sh.step.(*signIn)
	if !ok {
		t.Fatalf("the shell shows %T, want the sign-in", sh.step)
	}
	return si
}

func TestSignInWrongPINThenLockedOut(t *testing.T) {
	se := newShellEnv(t, kit.English, nil)
	sup := se.Supervisor(t)
	se.Attendant(t, sup.ID, "A01", "Wang Fang")
	se.sh.showCurrent()
	si := findSignIn(t, se.sh)
	si.submit()
	if got := si.errs.Text(""); got != "Pick your name from the list first." {
		t.Errorf("submit without a name shows %q", got)
	}
	if !si.list.SelectID("A01") {
		t.Fatal("A01 is not in the staff list")
	}
	var last string
	for range 6 {
		test.Type(si.pin, "9999")
		si.pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		last = si.errs.Text("pin")
		if last == "" {
			t.Fatal("a wrong PIN showed no refusal at the PIN")
		}
	}
	if strings.Contains(last, "tries left") || last == kit.Say(nil) {
		t.Errorf("after six wrong PINs the refusal reads %q, want the lock-out", last)
	}
	if _, ok := se.Session.User(); ok {
		t.Error("signed in with a wrong PIN")
	}
}

func TestSignInSwitchAndRoles(t *testing.T) {
	se := newShellEnv(t, kit.English, nil)
	sup := se.Supervisor(t)
	se.Attendant(t, sup.ID, "A01", "Wang Fang")
	se.sh.showCurrent()
	signInAs(t, se.sh, "A01")
	if got := strings.Join(screenIDs(se.sh), ","); got != "dashboard,keys,settings" {
		t.Errorf("an attendant reaches %s", got)
	}
	se.sh.SwitchUser()
	if _, ok := se.Session.User(); ok {
		t.Fatal("still signed in after switch")
	}
	signInAs(t, se.sh, "S01")
	if got := strings.Join(screenIDs(se.sh), ","); got != "dashboard,keys,supervisor,settings" {
		t.Errorf("a supervisor reaches %s", got)
	}
	if !strings.Contains(se.sh.StatusText(), "Li Na (Supervisor)") {
		t.Errorf("status bar reads %q", se.sh.StatusText())
	}
}

func signInAs(t *testing.T, sh *Shell, id string) {
	t.Helper()
	si := findSignIn(t, sh)
	si.list.SelectID(id)
	test.Type(si.pin, appdemo.DemoPIN)
	test.Tap(si.button)
	if u, ok := sh.s.User(); !ok || u.ID != id {
		t.Fatalf("sign in as %s: %q shows", id, si.errs.Text("pin"))
	}
}

func TestOpenAndShortcutsReachTheOwningScreen(t *testing.T) {
	se := newShellEnv(t, kit.English, nil)
	se.Supervisor(t)
	se.SignIn(t, "S01")
	se.sh.showCurrent()
	if !se.Session.Open(kit.KindKey, "F3-MASTER") || se.sh.Current().ID() != "keys" || se.keys.shown[0] != "F3-MASTER" {
		t.Fatalf("Open(key) brought %s to the front, keys shown %v", se.sh.Current().ID(), se.keys.shown)
	}
	if se.Session.Open("nothing", "1") {
		t.Error("Open of a kind nobody owns reported success")
	}
	se.sh.Select("dashboard")
	shortcut(se.Window, fyne.KeyU)
	if se.sup.ran != 1 || se.sh.Current().ID() != "supervisor" {
		t.Errorf("Ctrl+U ran %d times, front is %s", se.sup.ran, se.sh.Current().ID())
	}
	se.sh.Select("dashboard")
	shortcut(se.Window, fyne.KeySlash)
	if se.Window.Canvas().Focused() != se.keys.search {
		t.Errorf("Ctrl+/ focused %v, want the keys search", se.Window.Canvas().Focused())
	}
}

// TestOneNewKeyOnEveryScreen: Ctrl+N starts the new record of the screen
// in front, and of no other; on a screen with none it does nothing.
func TestOneNewKeyOnEveryScreen(t *testing.T) {
	se := newShellEnv(t, kit.English, nil)
	se.Supervisor(t)
	se.SignIn(t, "S01")
	se.sh.showCurrent()
	se.sh.Select("keys")
	shortcut(se.Window, fyne.KeyN)
	if se.keys.news != 1 || se.sup.news != 0 || se.sh.Current().ID() != "keys" {
		t.Fatalf("Ctrl+N on the key screen: keys' new ran %d, the supervisor's %d", se.keys.news, se.sup.news)
	}
	se.sh.Select("supervisor")
	shortcut(se.Window, fyne.KeyN)
	if se.keys.news != 1 || se.sup.news != 1 {
		t.Errorf("Ctrl+N on the supervisor screen: keys' new ran %d, the supervisor's %d", se.keys.news, se.sup.news)
	}
	se.sh.Select("dashboard")
	shortcut(se.Window, fyne.KeyN)
	if se.keys.news != 1 || se.sup.news != 1 || se.sh.Current().ID() != "dashboard" {
		t.Errorf("Ctrl+N on the dashboard ran a screen's new record or left it")
	}
}

// TestCtrlDigitGoesToEachScreen: Ctrl+1, Ctrl+2... bring the screens to
// the front in the navigation's order, with no field keeping the keyboard
// (so a scan or Ctrl+N works next).
func TestCtrlDigitGoesToEachScreen(t *testing.T) {
	se := dashEnv(t, kit.English)
	ids := make([]string, len(se.sh.main.visible))
	for i, scr := range se.sh.main.visible {
		ids[i] = scr.ID()
	}
	if len(ids) < 2 {
		t.Fatalf("only %v on the desk", ids)
	}
	for i := len(ids) - 1; i >= 0; i-- {
		shortcut(se.Window, fyne.KeyName(strconv.Itoa(i+1)))
		if got := se.sh.Current().ID(); got != ids[i] {
			t.Errorf("Ctrl+%d brought %s to the front, want %s", i+1, got, ids[i])
		}
		if f := se.Window.Canvas().Focused(); f != nil {
			t.Errorf("after Ctrl+%d %v has the keyboard", i+1, f)
		}
	}
}

func TestNewButtonsShowTheKey(t *testing.T) {
	if got := kit.WithNewKey("Lend"); got != "Lend (Ctrl+N)" && got != "Lend (⌘N)" {
		t.Errorf("the new-record button reads %q", got)
	}
}

// typeInFocused types text as the keyboard does: into what has the focus.
func typeInFocused(w fyne.Window, text string) {
	f := w.Canvas().Focused()
	for _, r := range text {
		if f != nil {
			f.TypedRune(r)
		}
	}
}

func shortcut(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

var _ = widget.NewLabel

func TestSignInFindsNameByPinyin(t *testing.T) {
	se := newShellEnv(t, kit.Chinese, nil)
	sup := se.Supervisor(t)
	se.Attendant(t, sup.ID, "A01", "王芳")
	se.Attendant(t, sup.ID, "A02", "张伟")
	se.sh.showCurrent()
	si := findSignIn(t, se.sh)
	if se.Window.Canvas().Focused() != si.filter {
		t.Error("the name filter is not focused at sign-in")
	}
	test.Type(si.filter, "wf")
	if got := si.list.IDs(); len(got) != 1 || got[0] != "A01" {
		t.Fatalf("filter wf shows %v", got)
	}
	si.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if si.list.Selected() != "A01" || se.Window.Canvas().Focused() != si.pin {
		t.Fatalf("Enter on one match: selected %q", si.list.Selected())
	}
	test.Type(si.pin, appdemo.DemoPIN)
	si.pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u, ok := se.Session.User(); !ok || u.Name != "王芳" {
		t.Errorf("signed in %+v", u)
	}
}

// TestSignInWithSeveralNamesKeepsThePINOutOfTheFilter: Enter in the name
// filter with two names matching does not leave the keyboard in the
// filter, where the PIN typed next would show; the desk says to pick, and
// the list picks by keyboard.
func TestSignInWithSeveralNamesKeepsThePINOutOfTheFilter(t *testing.T) {
	se := newShellEnv(t, kit.Chinese, nil)
	sup := se.Supervisor(t)
	se.Attendant(t, sup.ID, "A01", "王芳")
	se.Attendant(t, sup.ID, "A02", "王伟")
	se.sh.showCurrent()
	si := findSignIn(t, se.sh)
	test.Type(si.filter, "王")
	si.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	typeInFocused(se.Window, appdemo.DemoPIN)
	if si.filter.Text != "王" || si.pin.Text != "" {
		t.Fatalf("the PIN typed after Enter went into the filter (%q) or a PIN for nobody (%q)", si.filter.Text, si.pin.Text)
	}
	if got := si.errs.Text(""); !strings.Contains(got, "2 个名字相符") {
		t.Errorf("the desk says %q", got)
	}
	se.Window.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	se.Window.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if si.list.Selected() != "A02" || se.Window.Canvas().Focused() != si.pin {
		t.Fatalf("↓ and Space in the list picked %q", si.list.Selected())
	}
	// A real keyboard's Space is a key and then a character; the
	// character reaches the PIN, which the pick has just focused.
	se.Window.Canvas().Focused().TypedRune(' ')
	if si.pin.Text != "" {
		t.Fatalf("the Space that picked the name is in the PIN: %q", si.pin.Text)
	}
	test.Type(si.pin, appdemo.DemoPIN)
	si.pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u, ok := se.Session.User(); !ok || u.Name != "王伟" {
		t.Errorf("signed in %+v", u)
	}
}

// TestTickReachesTheScreenInFront: as the clock moves, the area screen in
// front re-reads its times; the ones behind wait until they are shown.
func TestTickReachesTheScreenInFront(t *testing.T) {
	se := dashEnv(t, kit.English)
	if !se.sh.Select("keys") {
		t.Fatal("no keys screen")
	}
	if se.keys.ticks != 1 {
		t.Errorf("the screen brought to the front moved its times %d times, want 1", se.keys.ticks)
	}
	se.sh.Tick()
	se.sh.Tick()
	if se.keys.ticks != 3 || se.sup.ticks != 0 {
		t.Errorf("ticks: screen in front %d, behind %d; want 3 and 0", se.keys.ticks, se.sup.ticks)
	}
}

// TestAChangeIsReadByTheScreenInFront: the dashboard and the screen in
// front read a change when it comes; a screen behind them reads what
// changed meanwhile, and only that, when it comes to the front.
func TestAChangeIsReadByTheScreenInFront(t *testing.T) {
	se := dashEnv(t, kit.English)
	se.sh.Select("keys") // it reads everything once, after the sign-in
	se.sh.Select("dashboard")
	before := se.keys.refreshes
	out := func(tag string) {
		t.Helper()
		if _, err := se.Svc.RegisterKey("S01", appkeys.NewKey{Tag: tag, Type: appkeys.KeySection}); err != nil {
			t.Fatal(err)
		}
		if _, err := se.Svc.SignOutKey("S01", appkeys.KeySignOut{Tag: tag, Holder: "A01", Purpose: "turn-down",
			Due: se.Clock.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		se.settle()
	}
	out("F3-SEC-A")
	out("F3-SEC-B")
	if n := se.sh.Dashboard().Count("dash.tile_keys_out"); n != 2 {
		t.Errorf("the dashboard in front counts %d keys out, want 2", n)
	}
	if se.keys.refreshes != before {
		t.Fatalf("the keys screen behind the dashboard read the changes at once (%d refreshes)", se.keys.refreshes-before)
	}
	se.sh.Select("keys")
	if se.keys.refreshes != before+1 || len(se.keys.read) != 2 || se.keys.read[0].ID != "F3-SEC-A" || se.keys.read[1].ID != "F3-SEC-B" {
		t.Fatalf("brought to the front: %d refreshes reading %v, want 1 reading both keys", se.keys.refreshes-before, se.keys.read)
	}
	se.sh.Select("dashboard")
	se.sh.Select("keys")
	if se.keys.refreshes != before+1 {
		t.Errorf("shown again with nothing changed: %d refreshes, want none", se.keys.refreshes-before-1)
	}
}

// TestFirstRunErrorsShowTogetherAndGoWhenPutRight: an empty staff number
// and name are both refused by name, and each error goes as its field is
// typed, while the other stays.
func TestFirstRunErrorsShowTogetherAndGoWhenPutRight(t *testing.T) {
	se := newShellEnv(t, kit.Chinese, nil)
	f := findFirstRun(t, se.sh)
	test.Type(f.pin, "2468")
	test.Type(f.pin2, "2468")
	f.submit()
	if got := f.staffErr.Text("number"); got != "请填写“工号”。" {
		t.Errorf("the staff number's error reads %q, want 请填写“工号”。", got)
	}
	if got := f.staffErr.Text("name"); got != "请填写“姓名”。" {
		t.Errorf("the name's error reads %q, want 请填写“姓名”。", got)
	}
	test.Type(f.number, "S01")
	if got := f.staffErr.Text("number"); got != "" {
		t.Errorf("the staff number was typed and its error still reads %q", got)
	}
	if f.staffErr.Text("name") == "" {
		t.Error("the name is still empty and its error went")
	}
}
