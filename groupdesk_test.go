package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appmessages "floordesk/app/messages"
	"floordesk/data"
	"floordesk/group"
	"floordesk/server"
	"floordesk/server/servertest"
	"floordesk/ui"
	uigroup "floordesk/ui/group"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// readOnlyProperty is a demo hotel with in-house guests and a message
// waiting, shown as a group desk shows a property: the register screens
// of its copy, the group viewer signed in.
func readOnlyProperty(t *testing.T, language string) (*kittest.Env, *ui.Window) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Demo(t, 300)
	guests := "房号,客人姓名,到店日期,离店日期\n0824,王芳,2026-03-01,2026-03-05\n0410,Anna Müller,2026-03-02,2026-03-03\n"
	if _, err := e.Svc.ImportGuests("S01", "inhouse.csv", strings.NewReader(guests)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.Take("S01", appmessages.TakeInput{Room: "0824", From: "Mr Chen", Phone: "13800000000", Text: "Call back about the dinner booking"}); err != nil {
		t.Fatal(err)
	}
	sess := uigroup.Viewer(e.Svc.Service, "group-desk", e.Window, e.Session.Do, e.Clock.Now)
	p := &group.Property{Name: "grand-hotel", Store: e.Store, Svc: e.Svc.Service}
	dw := propertyWindow(e.Window, sess, p, t.TempDir(), make(chan time.Time)) // no tick: the test is the only goroutine on the widgets
	dw.Start()
	t.Cleanup(dw.Stop)
	return e, dw
}

// readingLabels are the buttons a reader may press: they open a view or a
// record, or export or print what is shown.
var readingLabels = []string{"kit.export", "loans.stock", "loans.frequent", "loans.close", "loans.print_slip",
	"keys.reports", "keys.close", "keys.print_doors", "keys.print_day", "found.label", "found.reports", "found.back",
	"found.open_item", "found.print_tag", "found.print_receipt", "found.print_police", "requests.complaint_log",
	"requests.attachment.open", "requests.attachment.save", "handover.print", "attendance.export_this", "attendance.export_last"}

// isCommand tells whether b, shown and enabled, starts something that
// changes the property: any button but the navigation's (the tabs'
// overflow menu, a record's line that opens it) and the reading ones.
func isCommand(b *widget.Button) bool {
	if b.OnTapped == nil || b.Disabled() {
		return false
	}
	if b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.MoreVerticalIcon().Name() {
		return false // the navigation's overflow
	}
	for _, k := range readingLabels {
		if b.Text == lang.L(k) {
			return false
		}
	}
	return !strings.Contains(b.Text, " · ") || strings.HasPrefix(b.Text, lang.L("kit.export")) // a record's line opens it
}

// commands lists the command buttons shown in the window.
func commands(w fyne.Window) []string {
	var found []string
	kittest.WalkShown(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && isCommand(b) {
			found = append(found, b.Text)
		}
	})
	return found
}

// readingButtons are the reading buttons shown, other than the exports
// and prints (a dialog, a file): the views a reader opens.
func readingButtons(w fyne.Window) []*widget.Button {
	var out []*widget.Button
	kittest.WalkShown(w.Content(), func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if !ok || isCommand(b) || b.Disabled() || b.OnTapped == nil || b.Icon != nil {
			return
		}
		out = append(out, b)
	})
	return out
}

// TestReadOnlyPropertyHasNoCommand walks every register screen of a
// property as the group desk opens it — each list's first rows, each
// tab, each view a reading button opens — and finds no button that
// would change the property; the keys a screen offers are only those
// that go to a screen or a search.
func TestReadOnlyPropertyHasNoCommand(t *testing.T) {
	e, dw := readOnlyProperty(t, kit.English)
	sh := dw.Shell()
	var ids []string
	for _, scr := range sh.Screens() {
		ids = append(ids, scr.ID())
	}
	want := "dashboard,requests,loans,keys,found,messages,attendance,guests,handover"
	if got := strings.Join(ids, ","); got != want {
		t.Fatalf("a read-only property shows the screens %s, want %s", got, want)
	}
	check := func(where string) {
		t.Helper()
		if cmds := commands(e.Window); len(cmds) > 0 {
			t.Errorf("%s shows command buttons %q", where, cmds)
		}
	}
	for _, scr := range sh.Screens() {
		sh.Select(scr.ID())
		check(scr.ID())
		lists, tabs := listsAndTabs(scr.Content())
		if len(lists) == 0 && scr.ID() != "dashboard" && scr.ID() != "handover" {
			t.Errorf("%s lists nothing to walk", scr.ID())
		}
		for _, l := range lists {
			for i := range min(l.Length(), 8) {
				sh.Select(scr.ID())
				l.Select(i)
				check(scr.ID() + " row " + string(rune('0'+i)))
			}
		}
		for _, tb := range tabs {
			for i := range tb.Items {
				tb.SelectIndex(i)
				check(scr.ID() + " tab " + tb.Items[i].Text)
			}
		}
		sh.Select(scr.ID())
		for _, b := range readingButtons(e.Window) {
			name := b.Text
			test.Tap(b)
			check(scr.ID() + " after " + name)
			sh.Select(scr.ID())
		}
	}
	menu := e.Window.MainMenu()
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if !strings.HasPrefix(it.Label, strings.Split(lang.L("shell.go_to", map[string]string{"Screen": "|"}), "|")[0]) && it.Label != lang.L("shell.find") {
				t.Errorf("the read-only window's menu offers %q", it.Label)
			}
		}
	}
}

// TestReadOnlyPropertyMasksGuestsAndCountsTheHotel: a group supervisor
// reading a property sees its guests masked in lists and in the records
// they open (they serve no guest), and the dashboard's tiles say they
// count the whole hotel, not "this desk".
func TestReadOnlyPropertyMasksGuestsAndCountsTheHotel(t *testing.T) {
	e, dw := readOnlyProperty(t, kit.Chinese)
	sh := dw.Shell()
	sh.Select("dashboard")
	kittest.Shows(t, e.Window.Content(), "全店钥匙已签出", "全店今日应还", "全店待认领失物")
	if got := kittest.Visible(e.Window.Content()); strings.Contains(got, "本台") {
		t.Errorf("the group reader's dashboard counts every desk but says 本台:\n%s", got)
	}
	whole := []string{"王芳", "Mr Chen", "13800000000", "Anna Müller"}
	for _, id := range []string{"messages", "guests"} {
		sh.Select(id)
		lists, _ := listsAndTabs(sh.Current().Content())
		if len(lists) == 0 || lists[0].Length() == 0 {
			t.Fatalf("%s lists nothing", id)
		}
		for i := range min(lists[0].Length(), 4) {
			sh.Select(id)
			lists[0].Select(i)
			got := kittest.Visible(e.Window.Content())
			for _, w := range whole {
				if strings.Contains(got, w) {
					t.Errorf("%s row %d shows %q whole to a group reader:\n%s", id, i, w, got)
				}
			}
		}
	}
}

// listsAndTabs are the lists and the tabs shown in o.
func listsAndTabs(o fyne.CanvasObject) (lists []*widget.List, tabs []*container.AppTabs) {
	kittest.WalkShown(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.List:
			lists = append(lists, w)
		case *container.AppTabs:
			tabs = append(tabs, w)
		}
	})
	return lists, tabs
}

// TestGroupDeskFolderStartsAsTheOverview: a desk folder enrolled with a
// group code (its settings list the properties it reads) starts as the
// group overview, not the desk: a row a property, each copy opened in its
// own folder, its sync state in words (the server is down here), and
// Open waiting until the copy has arrived.
func TestGroupDeskFolderStartsAsTheOverview(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	for k, v := range map[string]string{data.SettingServerURL: "http://127.0.0.1:1", data.SettingDeskToken: "token",
		data.SettingGroup: "grand-hotel,harbour-hotel"} {
		if err := st.SetSetting(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ui.UseLanguage(ui.English); err != nil {
		t.Fatal(err)
	}
	q := kittest.NewUIQueue() // the overview's goroutines touch widgets only through it
	a := test.NewTempApp(t)
	ctx, stop := context.WithCancel(context.Background())
	d := &deskSession{a: a, w: a.NewWindow(""), ctx: ctx, stop: stop, code: exitOK, do: q.Do}
	backups := t.TempDir()
	d.show(st, app.New(st, nil), deskFlags{backups: &backups})
	if d.group == nil || d.dw != nil || d.code != exitOK {
		t.Fatalf("a group desk's folder started as the desk (group %v, desk %v, code %d)", d.group != nil, d.dw != nil, d.code)
	}
	t.Cleanup(func() { d.group.Stop(); stop() })
	if got := d.w.Title(); got != lang.L("group.title") {
		t.Errorf("the window is titled %q, want %q", got, lang.L("group.title"))
	}
	offline := lang.L("group.offline_never", map[string]string{"Why": lang.L("group.why.unreachable")})
	q.Until(t, "both copies say they cannot reach the server", func() bool {
		return strings.Count(kittest.Labels(d.w.Content()), offline) == 2
	})
	kittest.Shows(t, d.w.Content(), "grand-hotel", "harbour-hotel", lang.L("group.late_requests"))
	arriving := 0
	kittest.WalkShown(d.w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == lang.L("group.arriving") && b.Disabled() {
			arriving++
		}
	})
	if arriving != 2 {
		t.Errorf("%d of 2 Open buttons wait for their copy", arriving)
	}
	for _, p := range []string{"grand-hotel", "harbour-hotel"} {
		if _, err := os.Stat(group.StoreDir(dir, p)); err != nil {
			t.Errorf("no copy of %s: %v", p, err)
		}
	}
}

// TestScreenshotReadOnlyProperty: a property as the group desk opens it
// shows a request's detail with what was asked, where it stands and its
// history, and no button to act on it; the status bar names no one to
// switch. In Chinese and English, against testdata/shots.
func TestScreenshotReadOnlyProperty(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e, dw := readOnlyProperty(t, language)
		e.UseFontTheme()
		sh := dw.Shell()
		sh.Select("requests")
		lists, _ := listsAndTabs(sh.Current().Content())
		if len(lists) == 0 || lists[0].Length() == 0 {
			t.Fatal("no request listed")
		}
		lists[0].Select(0)
		if cmds := commands(e.Window); len(cmds) > 0 {
			t.Errorf("the request's detail offers %q", cmds)
		}
		kittest.Shows(t, e.Window.Content(), lang.L("requests.history"))
		e.MatchShot(t, "readonly-property-"+language)
	}
}

// TestGroupDeskTakesANewCodeWithoutRestart: a group desk given one
// property, over a real server on loopback: a code the server refuses
// says so in words and changes nothing; revoked, its Sync column says the
// server refuses it and what to do; given a new group code for two
// properties, entered from the overview, the overview shows both at once.
func TestGroupDeskTakesANewCodeWithoutRestart(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	srv := servertest.Start(t, servertest.Options{})
	ss, hs := srv.Store, srv.HTTP
	for _, p := range []string{"hotel-a", "hotel-b"} { // a desk of each makes the server know it
		code, err := server.CreateEnrolment(ctx, ss, p, time.Now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if err := data.EnrollStore(ctx, openStore(t, t.TempDir()), hs.URL, code); err != nil {
			t.Fatal(err)
		}
	}
	groupCode := func(props ...string) string {
		code, err := server.CreateGroupEnrolment(ctx, ss, props, time.Now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		return code
	}
	dir := t.TempDir()
	own := openStore(t, dir)
	if err := data.EnrollStore(ctx, own, hs.URL, groupCode("hotel-a")); err != nil {
		t.Fatal(err)
	}
	if _, err := ui.UseLanguage(ui.Chinese); err != nil {
		t.Fatal(err)
	}
	q := kittest.NewUIQueue()
	a := test.NewTempApp(t)
	runCtx, stop := context.WithCancel(ctx)
	d := &deskSession{a: a, w: a.NewWindow(""), ctx: runCtx, stop: stop, code: exitOK, do: q.Do}
	d.w.Resize(fyne.NewSize(1280, 800))
	backups := t.TempDir()
	d.show(own, app.New(own, nil), deskFlags{backups: &backups})
	defer func() {
		if g := d.group; g != nil {
			g.Stop()
		}
		stop()
	}()
	kittest.Shows(t, d.w.Content(), "hotel-a")
	if strings.Contains(kittest.Labels(d.w.Content()), "hotel-b") {
		t.Fatal("the overview shows hotel-b before its code")
	}

	enter := func(code string) {
		t.Helper()
		var newCode *widget.Button
		kittest.WalkShown(d.w.Content(), func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == lang.L("group.new_code") {
				newCode = b
			}
		})
		if newCode == nil {
			t.Fatal("the overview offers no new group code")
		}
		test.Tap(newCode)
		top := d.w.Canvas().Overlays().Top()
		var entries []*widget.Entry
		var save *widget.Button
		kittest.WalkShown(top, func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.Entry:
				entries = append(entries, w)
			case *widget.Button:
				if w.Text == lang.L("group.new_code_save") {
					save = w
				}
			}
		})
		if len(entries) != 2 || entries[0].Text != hs.URL || save == nil {
			t.Fatalf("the new-code form holds %d entries (address %q) and Connect %v", len(entries), entries[0].Text, save != nil)
		}
		entries[1].SetText(code)
		test.Tap(save)
	}
	enter("not-a-code")
	refused := lang.L("kit.enrol_refused")
	q.Until(t, "the refusal said", func() bool {
		top := d.w.Canvas().Overlays().Top()
		return top != nil && strings.Contains(kittest.Labels(top), refused)
	})
	if got := data.GroupOf(own); len(got) != 1 {
		t.Errorf("a refused code changed the grant to %v", got)
	}
	d.w.Canvas().Overlays().Top().Hide()
	d.w.Canvas().Overlays().Remove(d.w.Canvas().Overlays().Top())

	// IT revokes the desk (the server keeps one grant a desk) and gives a
	// new code: the overview says the server refuses it, then takes it.
	if err := ss.Revoke(ctx, own.Desk(), time.Now()); err != nil {
		t.Fatal(err)
	}
	q.Until(t, "the refusal shown in the Sync column", func() bool {
		return strings.Contains(kittest.Labels(d.w.Content()), lang.L("group.why.refused"))
	})
	enter(groupCode("hotel-a", "hotel-b"))
	q.Until(t, "both properties shown", func() bool {
		l := kittest.Labels(d.w.Content())
		return strings.Contains(l, "hotel-a") && strings.Contains(l, "hotel-b")
	})
}

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))
