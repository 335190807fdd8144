package ui

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	appdemo "floordesk/app/demo"
	appkeys "floordesk/app/keys"
	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/servertest"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// fast is a sync client that keeps a test quick: short long polls and
// retries.
var fast = data.SyncConfig{PollWait: 300 * time.Millisecond, MinBackoff: 20 * time.Millisecond,
	MaxBackoff: 200 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}

// syncServer is a real sync server on loopback over a real Badger store.
type syncServer struct {
	store server.Store
	http  *httptest.Server
	url   string
}

func newSyncServer(t *testing.T, withTLS bool) *syncServer {
	t.Helper()
	srv := servertest.Start(t, servertest.Options{TLS: withTLS, LongPoll: 300 * time.Millisecond,
		Config: func(c *server.Config) { c.Version = "test" }})
	return &syncServer{store: srv.Store, http: srv.HTTP, url: srv.URL}
}

// code makes a one-time enrolment code for property.
func (s *syncServer) code(t *testing.T, property string) string {
	t.Helper()
	code, err := server.CreateEnrolment(context.Background(), s.store, property, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// hotelDesk is desk A: a hotel set up by its first run (supervisor S01,
// attendant A01, desk D1), with a key signed out and overdue, enrolled with
// the server and syncing.
type hotelDesk struct {
	store *data.Store
	svc   *registers.All
}

func newHotelDesk(t *testing.T, srv *syncServer, property string) *hotelDesk {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-a", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := apptest.NewClock(time.Time{})
	clock.Set(kittest.Start.Add(-2 * time.Hour))
	svc := registers.New(app.New(st, clock.Now))
	svc.PINCost = app.PINCost{Time: 1, MemoryKiB: 64, Threads: 1}
	svc.Location = time.UTC
	svc.DeskCode = "D1"
	a := &hotelDesk{store: st, svc: svc}
	sup, err := svc.FirstSupervisor(app.NewStaff{Number: "S01", Name: "Li Na", Department: "housekeeping", PIN: appdemo.DemoPIN})
	a.must(t, err)
	_, err = svc.AddStaff(sup.ID, app.NewStaff{Number: "A01", Name: "Wang Fang", Department: "housekeeping", Role: app.RoleAttendant, PIN: appdemo.DemoPIN})
	a.must(t, err)
	_, err = svc.SetDesk(sup.ID, "D1", "3rd floor desk", nil)
	a.must(t, err)
	_, err = svc.RegisterKey(sup.ID, appkeys.NewKey{Tag: "F3-SEC-A", Type: appkeys.KeySection})
	a.must(t, err)
	_, err = svc.SignOutKey(sup.ID, appkeys.KeySignOut{Tag: "F3-SEC-A", Holder: "A01", Purpose: "store room", Due: kittest.Start.Add(-time.Hour)})
	a.must(t, err)
	clock.Set(kittest.Start)
	a.must(t, data.EnrollStore(context.Background(), st, srv.url, srv.code(t, property)))
	runSync(t, st, nil)
	return a
}

func (a *hotelDesk) must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// runSync runs a sync client for st as the desk app does, from when it is
// enrolled, until the test ends; started gets the client.
func runSync(t *testing.T, st *data.Store, started func(*data.SyncClient)) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		data.RunSyncWhenConfigured(ctx, st, fast, started)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// joiner is desk B: a fresh desk app whose shell runs on a kittest.UIQueue, with
// the sync client main.go would start.
type joiner struct {
	*kittest.Env
	sh *Shell
	q  *kittest.UIQueue
}

func newJoiner(t *testing.T, language string, prepare ...func(*kittest.Env)) *joiner {
	t.Helper()
	e := kittest.NewIn(t, language)
	for _, p := range prepare {
		p(e)
	}
	b := &joiner{Env: e, q: kittest.NewUIQueue()}
	e.Session.Do = b.q.Do
	b.sh = NewShell(e.Session, withDashboard(e.Svc, e.Session, newFake("keys", kit.KindKey, fyne.KeyK), restrictedScreen{newFake("supervisor", kit.KindStaff, fyne.KeyU)}),
		Options{Feed: e.Store, Tick: make(chan time.Time)})
	e.Window.SetContent(b.sh.Content())
	e.Window.Resize(fyne.NewSize(1280, 720))
	b.sh.Start()
	t.Cleanup(b.sh.Stop)
	runSync(t, e.Store, func(c *data.SyncClient) { b.q.Do(func() { b.sh.SetSync(c) }) })
	return b
}

// join goes from the first run's choice to the join form and sends url
// and code.
func (b *joiner) join(t *testing.T, url, code string) *joinForm {
	t.Helper()
	c := findChoice(t, b.sh)
	if c.newHotel.Disabled() || c.join.Disabled() {
		t.Fatal("the first run does not offer both ways")
	}
	test.Tap(c.join)
	j, ok := b.sh.step.(*joinForm)
	if !ok {
		t.Fatalf("join shows %T", b.sh.step)
	}
	test.Type(j.url, url)
	test.Type(j.code, code)
	test.Tap(j.f.Save)
	return j
}

func (b *joiner) stepIs(want any) func() bool {
	return func() bool { return b.sh.step == want }
}

// TestJoinGetsTheHotelAndNamesTheDesk: a second desk PC joins the hotel
// desk A set up, with the server's address and a code; it waits for the
// hotel's data, signs in with A's staff, is named as a new desk D2 by a
// supervisor (an attendant is sent for one), and shows A's records.
func TestJoinGetsTheHotelAndNamesTheDesk(t *testing.T) {
	srv := newSyncServer(t, false)
	a := newHotelDesk(t, srv, "grand")
	b := newJoiner(t, kit.English)
	j := b.join(t, srv.url+"/", srv.code(t, "grand"))
	if !j.f.Save.Disabled() || !j.url.Disabled() {
		t.Error("the form is not locked while the server is asked")
	}
	var w *joinWait
	b.q.Until(t, "the wait for the hotel's data", func() bool { w, _ = b.sh.step.(*joinWait); return w != nil })
	if !strings.Contains(w.got.Text, "received") {
		t.Errorf("the wait shows %q", w.got.Text)
	}
	if url, _ := b.Store.Setting(data.SettingServerURL); url != srv.url {
		t.Errorf("enrolled with %q, want %q", url, srv.url)
	}
	b.q.Until(t, "the sign-in once the staff are here", func() bool { _, ok := b.sh.step.(*signIn); return ok })
	if got := findSignIn(t, b.sh).list.IDs(); !slices.Equal(got, []string{"A01", "S01"}) {
		t.Errorf("sign-in lists %v", got)
	}

	signInAs(t, b.sh, "A01")
	d := b.sh.step.(*deskPick)
	if d.list != nil || !strings.Contains(kittest.Labels(d.content), "A supervisor names it once") {
		t.Fatalf("an attendant sees %q", kittest.Labels(d.content))
	}
	if b.Session.Open(kit.KindKey, "F3-SEC-A") || len(b.sh.Screens()) != 0 {
		t.Fatal("the registers opened before the desk was named")
	}
	test.Tap(findButton(t, d.content, "Switch person"))
	signInAs(t, b.sh, "S01")
	d = b.sh.step.(*deskPick)
	if got := d.list.IDs(); !slices.Equal(got, []string{"D1"}) {
		t.Fatalf("the desks offered: %v", got)
	}
	test.Type(d.code, "D1")
	test.Type(d.name, "4th floor desk")
	test.Tap(d.add.Save)
	if got := d.add.Errs.Text("code"); !strings.Contains(got, "already “3rd floor desk”") {
		t.Fatalf("adding D1 again reads %q", got)
	}
	d.code.SetText("D2")
	test.Tap(d.add.Save)

	if b.sh.step != nil || b.Svc.DeskCode != "D2" {
		t.Fatalf("after adding D2: step %T, desk %q (%q)", b.sh.step, b.Svc.DeskCode, d.add.Errs.Text("code"))
	}
	if code, _ := b.Store.Setting(SettingDeskCode); code != "D2" {
		t.Errorf("desk code setting %q", code)
	}
	if got := strings.Join(screenIDs(b.sh), ","); got != "dashboard,keys,supervisor,settings" {
		t.Errorf("the supervisor reaches %s", got)
	}
	if n := b.sh.Dashboard().Count("dash.tile_keys_out"); n != 1 {
		t.Errorf("keys out on B's dashboard: %d, want A's key", n)
	}
	if !strings.Contains(kittest.Labels(b.sh.Content()), "F3-SEC-A") {
		t.Error("A's overdue key is not on B's dashboard")
	}
	b.q.Until(t, "the status bar online as desk D2", func() bool {
		s := b.sh.StatusText()
		return strings.Contains(s, "Desk: 4th floor desk") && strings.Contains(s, "Online")
	})
	b.q.Until(t, "desk D2 at desk A", func() bool {
		desks, _ := a.svc.Desks()
		return slices.ContainsFunc(desks, func(d app.Desk) bool { return d.Code == "D2" })
	})
}

// TestDeskPickByASupervisor: a supervisor may pick one of the hotel's
// desks for this PC instead of adding one.
func TestDeskPickByASupervisor(t *testing.T) {
	se := newShellEnv(t, kit.Chinese, func(e *kittest.Env) {
		sup := e.Supervisor(t)
		if _, err := e.Svc.SetDesk(sup.ID, "D1", "三楼服务台", []int{}); err != nil {
			t.Fatal(err)
		}
		e.Svc.DeskCode = ""
	})
	se.sh.showCurrent()
	signInAs(t, se.sh, "S01")
	d, ok := se.sh.step.(*deskPick)
	if !ok {
		t.Fatalf("after sign-in the shell shows %T, want which desk", se.sh.step)
	}
	if !d.use.Disabled() {
		t.Error("the use button works with no desk picked")
	}
	d.list.SelectID("D1")
	test.Tap(d.use)
	if se.sh.step != nil || se.Svc.DeskCode != "D1" {
		t.Fatalf("after picking D1: step %T, desk %q", se.sh.step, se.Svc.DeskCode)
	}
	if !strings.Contains(se.sh.StatusText(), "服务台：三楼服务台") || se.Session.LastNotice() != "这台电脑现在是“三楼服务台”。" {
		t.Errorf("status %q, notice %q", se.sh.StatusText(), se.Session.LastNotice())
	}
}

// TestJoinRefusalsInPlainWords: a join the server refuses, or that cannot
// reach it, says why in words and stores nothing: the desk is not
// enrolled and the first run still offers both ways.
func TestJoinRefusalsInPlainWords(t *testing.T) {
	srv := newSyncServer(t, false)
	tlsSrv := newSyncServer(t, true)
	closed := closedPort(t)
	for _, c := range []struct {
		name, url, code, want string
	}{
		{"bad code", srv.url, "AAAA-BBBB-CCCC-DDDD", "The server refused the code: it is wrong, already used or expired."},
		{"used code", srv.url, usedCode(t, srv), "The server refused the code"},
		{"unreachable", "http://" + closed, srv.code(t, "grand"), "Cannot reach http://" + closed + "."},
		{"untrusted certificate", tlsSrv.url, tlsSrv.code(t, "grand"), "does not trust the server's security certificate"},
		{"plain http to TLS", strings.Replace(tlsSrv.url, "https://", "http://", 1), tlsSrv.code(t, "grand"), "type the address with https://"},
		{"https to plain http", strings.Replace(srv.url, "http://", "https://", 1), srv.code(t, "grand"), "does not speak https://"},
		{"not a FloorDesk server", srv.url + "/other", srv.code(t, "grand"), "No FloorDesk server answers at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := newJoiner(t, kit.English)
			j := b.join(t, c.url, c.code)
			b.q.Until(t, "the answer", func() bool { return !j.f.Save.Disabled() })
			if !strings.Contains(j.result.Text, c.want) {
				t.Errorf("reads %q, want %q", j.result.Text, c.want)
			}
			if b.sh.step != j || enrolled(b.Store) {
				t.Fatalf("after a refusal: step %T, enrolled %v", b.sh.step, enrolled(b.Store))
			}
			test.Tap(j.backBtn)
			findChoice(t, b.sh) // both ways still offered: join checks them
		})
	}
}

// TestJoinFormChecksWhatIsTyped: no address, an address without https,
// no code: said at the field, nothing sent.
func TestJoinFormChecksWhatIsTyped(t *testing.T) {
	b := newJoiner(t, kit.Chinese)
	j := b.join(t, "", "")
	if j.f.Errs.Text("url") != "请输入服务器地址。" {
		t.Errorf("no address reads %q", j.f.Errs.Text("url"))
	}
	test.Type(j.url, "http://sync.hotel.example:8420")
	if !strings.Contains(j.f.Errs.Text("url"), "https://") {
		t.Errorf("plain http off this computer reads %q", j.f.Errs.Text("url"))
	}
	j.url.SetText("https://sync.hotel.example:8420")
	test.Tap(j.f.Save)
	if j.f.Errs.Text("code") != "请输入 IT 提供的接入码。" || j.f.Save.Disabled() {
		t.Errorf("no code reads %q", j.f.Errs.Text("code"))
	}
}

// TestJoinServerWithoutHotel: a server that holds nothing for the hotel
// has no hotel set up; the desk says so and goes back to set one up, and
// stays connected, so the new hotel reaches the server.
func TestJoinServerWithoutHotel(t *testing.T) {
	srv := newSyncServer(t, false)
	b := newJoiner(t, kit.Chinese)
	b.join(t, srv.url, srv.code(t, "new-hotel"))
	var w *joinWait
	b.q.Until(t, "the wait says the server has no hotel", func() bool {
		w, _ = b.sh.step.(*joinWait)
		return w != nil && w.noHotel.Visible()
	})
	if !strings.Contains(kittest.Labels(w.content), "服务器上还没有设置酒店") {
		t.Errorf("the wait reads %q", kittest.Labels(w.content))
	}
	test.Tap(findButton(t, w.content, "返回，设置新酒店"))
	f := findFirstRun(t, b.sh)
	test.Type(f.number, "S01")
	test.Type(f.name, "李娜")
	test.Type(f.pin, appdemo.DemoPIN)
	test.Type(f.pin2, appdemo.DemoPIN)
	test.Type(f.deskCode, "D1")
	test.Type(f.deskName, "三楼服务台")
	f.submit()
	if b.sh.step != nil {
		t.Fatalf("after the new hotel the shell shows %T", b.sh.step)
	}
	b.q.Until(t, "the new hotel on the server", func() bool {
		n, err := srv.store.LastSeq(context.Background(), "new-hotel")
		return err == nil && n > 0
	})
}

// TestJoinStepsFitTheWindow: every step before the screens fits a
// 1280×720 window in both languages.
func TestJoinStepsFitTheWindow(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e := kittest.NewIn(t, language)
		sup := e.Supervisor(t)
		e.SignIn(t, sup.ID)
		noop := func() {}
		run := func(func(context.Context)) {}
		steps := map[string]fyne.CanvasObject{
			"choice":   newFirstRunChoice(noop, noop, "https://sync.hotel.example:8420").content,
			"new":      newFirstRun(e.Session, noop, noop).content,
			"join":     newJoinForm(e.Session, e.Store, run, noop, noop).content,
			"wait":     newJoinWait(e.Session, e.Store, func() SyncSource { return nil }, run, noop, noop).content,
			"desk":     newDeskPick(e.Session, noop, noop).content,
			"attendnt": newDeskPick(kit.NewSession(e.Svc.Service, e.Store, e.Window), noop, noop).content,
		}
		for name, c := range steps {
			if min := c.MinSize(); min.Width > 1280 || min.Height > 720-30 {
				t.Errorf("%s, %s: needs %v", language, name, min)
			}
		}
	}
}

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// usedCode is a code another desk has enrolled with.
func usedCode(t *testing.T, srv *syncServer) string {
	t.Helper()
	code := srv.code(t, "grand")
	if _, err := data.Enroll(context.Background(), srv.url, code, "desk-other"); err != nil {
		t.Fatal(err)
	}
	return code
}

// findButton is the button reading text in o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in %s", text, kittest.Buttons(o))
	}
	return found
}

// TestJoinWaitShowsProgressAndSync: the wait shows the records received
// against what the server holds, whether the desk reaches the server and
// why not, and a server that holds nothing as no hotel.
func TestJoinWaitShowsProgressAndSync(t *testing.T) {
	e := kittest.New(t)
	src := &fakeSync{st: data.SyncStatus{LastError: "Cannot reach the server. Work goes on; it will be sent when the network is back."}}
	info := wire.InfoResponse{Epoch: "epoch-1", LastSeq: 40}
	var infoErr error
	now := func(fn func(context.Context)) { fn(context.Background()) }
	newWait := func() *joinWait {
		w := newJoinWait(e.Session, e.Store, func() SyncSource { return src }, now, func() { t.Error("done without staff") }, func() {})
		w.info = func(context.Context, kit.LocalStore) (wire.InfoResponse, error) { return info, infoErr }
		w.refresh()
		return w
	}
	w := newWait()
	if w.got.Text != "0 of 40 records received" || !w.bar.Visible() || w.noHotel.Visible() {
		t.Errorf("progress %q, bar %v, no hotel %v", w.got.Text, w.bar.Visible(), w.noHotel.Visible())
	}
	if w.status.Text != "Cannot reach the server just now; FloorDesk keeps trying." || !strings.Contains(w.detail.Text, "Details (for IT): Cannot reach") {
		t.Errorf("offline reads %q / %q", w.status.Text, w.detail.Text)
	}
	src.st = data.SyncStatus{Online: true, LastSync: kittest.Start.Add(-time.Minute)}
	w.refresh()
	if !strings.HasPrefix(w.status.Text, "Online · last sync") || w.detail.Visible() {
		t.Errorf("online reads %q, detail shown %v", w.status.Text, w.detail.Visible())
	}

	infoErr = errors.New("no answer")
	if w := newWait(); w.got.Text != "0 records received so far" || w.noHotel.Visible() {
		t.Errorf("without the server's count: %q, no hotel %v", w.got.Text, w.noHotel.Visible())
	}
	infoErr, info = nil, wire.InfoResponse{Epoch: "epoch-1"}
	if w := newWait(); !w.noHotel.Visible() || w.title.Text != "The server has no hotel set up yet" {
		t.Errorf("an empty server: no hotel %v, title %q", w.noHotel.Visible(), w.title.Text)
	}
}

// TestJoinWaitAfterARestart: a desk closed while it waited for the
// hotel's data waits again at the next start, without a new code.
func TestJoinWaitAfterARestart(t *testing.T) {
	url := "http://" + closedPort(t)
	b := newJoiner(t, kit.English, func(e *kittest.Env) {
		e.Store.SetSetting(data.SettingServerURL, url)
		e.Store.SetSetting(data.SettingDeskToken, "fdt_token")
	})
	w, ok := b.sh.step.(*joinWait)
	if !ok {
		t.Fatalf("an enrolled desk without staff starts at %T", b.sh.step)
	}
	if !strings.Contains(w.intro.Text, url) {
		t.Errorf("the wait reads %q", w.intro.Text)
	}
	b.q.Until(t, "the sync client offline", func() bool { return w.status.Text == "Cannot reach the server just now; FloorDesk keeps trying." })
}

// TestJoinWaitSaysWhySyncFailsInTheDesksLanguage: on a Chinese desk the
// wait says what the trouble is and what to do in Chinese (a full server
// disk, a clock ahead, a refused desk), with the English detail for IT
// under it.
func TestJoinWaitSaysWhySyncFailsInTheDesksLanguage(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	src := &fakeSync{}
	now := func(fn func(context.Context)) { fn(context.Background()) }
	w := newJoinWait(e.Session, e.Store, func() SyncSource { return src }, now, func() {}, func() {})
	w.info = func(context.Context, kit.LocalStore) (wire.InfoResponse, error) {
		return wire.InfoResponse{Epoch: "e", LastSeq: 4}, nil
	}
	for _, tc := range []struct {
		problem data.SyncProblem
		want    string
	}{
		{data.ProblemServerDiskFull, "服务器磁盘已满"},
		{data.ProblemRefused, "请主管重新接入"},
		{data.ProblemDiskFull, "本机磁盘已满"},
	} {
		src.st = data.SyncStatus{Problem: tc.problem, LastError: "The server's disk is full"}
		w.refresh()
		if !strings.Contains(w.status.Text, tc.want) || !strings.Contains(w.detail.Text, "The server's disk is full") {
			t.Errorf("%s: status %q, detail %q; want %q", tc.problem, w.status.Text, w.detail.Text, tc.want)
		}
	}
}
