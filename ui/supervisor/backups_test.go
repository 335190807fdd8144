package supervisor

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	appreports "floordesk/app/reports"
	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// backupsOf is the desk's automatic backups as main sets them up: beside
// the test store's data folder, on the test's clock.
func backupsOf(e *kittest.Env) *data.AutoBackup {
	return &data.AutoBackup{Store: e.Store, Dir: e.Store.Dir() + "-backups", Now: e.Clock.Now}
}

// fyneLoop makes the test goroutine the Fyne goroutine: the session's Do
// queues widget updates from background work, and until runs them, as
// Fyne's event loop would, until what the test waits for shows.
type fyneLoop struct{ queue chan func() }

func onTestGoroutine(e *kittest.Env) *fyneLoop {
	l := &fyneLoop{queue: make(chan func(), 64)}
	e.Session.Do = func(f func()) { l.queue <- f }
	return l
}

// until runs queued updates until done, checked on the test goroutine, is
// true.
func (l *fyneLoop) until(t *testing.T, what string, done func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !done() {
		select {
		case f := <-l.queue:
			f()
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// dataDesk opens the supervisor screen with the session's updates on the
// test goroutine, in language, with backups.
func dataDesk(t *testing.T, language string, backups func(*kittest.Env) *data.AutoBackup) (*kittest.Env, *fyneLoop, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Supervisor(t)
	e.SignIn(t, "S01")
	loop := onTestGoroutine(e)
	sc := newScreen(e.Session, e.Svc, backups(e), reporterOf(e))
	e.Window.SetContent(sc.Content())
	return e, loop, sc
}

// openData brings the data tab to the front and waits for its first read.
func openData(t *testing.T, loop *fyneLoop, sc *Screen) *dataTab {
	t.Helper()
	if sc.data.loading {
		t.Fatal("the data tab read the store before it was shown")
	}
	for _, item := range sc.tabs.Items {
		if item.Text == sc.data.title() {
			sc.tabs.Select(item)
		}
	}
	loop.until(t, "the data tab's first read", func() bool { return sc.data.status.dir.Text != "" || sc.data.status.problem.Visible() })
	settle(t, loop, sc.data)
	return sc.data
}

// settle waits until no read and no backup runs.
func settle(t *testing.T, loop *fyneLoop, d *dataTab) {
	t.Helper()
	loop.until(t, "the data tab to settle", func() bool { return !d.loading && !d.now.Disabled() })
}

func TestDataTabShowsTheStoreAndNoBackupYet(t *testing.T) {
	e, loop, sc := dataDesk(t, kit.English, backupsOf)
	d := openData(t, loop, sc)
	stats, err := e.Store.Stats()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ what, got, want string }{
		{"data folder", d.status.dir.Text, e.Store.Dir()},
		{"desk", d.status.desk.Text, "desk-test"},
		{"events", d.status.events.Text, strconv.Itoa(stats.Events)},
		{"waiting to sync", d.status.outbox.Text, strconv.Itoa(stats.Outbox)},
		{"backups folder", d.folder.Text, e.Store.Dir() + "-backups"},
		{"newest backup", d.latest.Text, "No backup yet. The desk backs itself up once a day while it runs, or press Back up now."},
		{"kept", d.kept.Text, "The newest 7 backups are kept; the folder holds 0."},
	} {
		if tt.got != tt.want {
			t.Errorf("%s shows %q, want %q", tt.what, tt.got, tt.want)
		}
	}
	if d.failure.Visible() || d.result.Visible() {
		t.Errorf("a fresh desk shows %q / %q", d.failure.Text, d.result.Text)
	}
	if !strings.Contains(kittest.Labels(sc.Content()), "Data status") {
		t.Error("the tab has no Data status heading")
	}

	e.Attendant(t, "S01", "A02", "Zhang Wei") // a change, as the shell reports it
	sc.Refresh([]wire.EntityRef{{Kind: kit.KindStaff, ID: "A02"}})
	loop.until(t, "the new event counted", func() bool { return d.status.events.Text == strconv.Itoa(stats.Events+1) })
	settle(t, loop, d)
	if d.status.last.Text == "" || d.status.last.Text == "None yet" {
		t.Errorf("last change shows %q", d.status.last.Text)
	}

	sc.tabs.SelectIndex(0)
	sc.Refresh(nil)
	if d.loading {
		t.Error("the data tab reads the store while another tab is in front")
	}
}

func TestBackUpNowMakesAFileAndShowsIt(t *testing.T) {
	e, loop, sc := dataDesk(t, kit.English, backupsOf)
	d := openData(t, loop, sc)

	test.Tap(d.now)
	if !d.now.Disabled() {
		t.Fatal("the button stays enabled while the backup runs")
	}
	const name = "floordesk-20260303-140000.fdbackup" // kittest.Start, in UTC
	loop.until(t, "the backup saved", func() bool { return !d.now.Disabled() })
	if want := "Backup saved: " + name; d.result.Text != want {
		t.Fatalf("result shows %q, want %q", d.result.Text, want)
	}
	if fi, err := os.Stat(filepath.Join(e.Store.Dir()+"-backups", name)); err != nil || fi.Size() == 0 {
		t.Fatalf("no backup in the backups folder: %v", err)
	}
	if n := e.Session.LastNotice(); n != d.result.Text {
		t.Errorf("notice %q", n)
	}
	settle(t, loop, d)
	if want := "3 Mar 2026 14:00 — " + name; d.latest.Text != want {
		t.Errorf("newest backup shows %q, want %q", d.latest.Text, want)
	}
	if want := "The newest 7 backups are kept; the folder holds 1."; d.kept.Text != want {
		t.Errorf("kept shows %q, want %q", d.kept.Text, want)
	}
}

// inTheWay puts the backups folder under a regular file, so it can be
// neither made nor read.
func inTheWay(e *kittest.Env) *data.AutoBackup {
	b := backupsOf(e)
	file := e.Store.Dir() + "-usb"
	if err := os.WriteFile(file, []byte("a file, not a folder"), 0o600); err != nil {
		panic(err)
	}
	b.Dir = filepath.Join(file, "backups")
	return b
}

func TestBackUpNowSaysWhyItCannotWrite(t *testing.T) {
	_, loop, sc := dataDesk(t, kit.Chinese, inTheWay)
	d := openData(t, loop, sc)
	if want := "无法打开备份文件夹。"; !strings.HasPrefix(d.latest.Text, want) {
		t.Errorf("newest backup shows %q, want it to start with %q", d.latest.Text, want)
	}
	if want := "保留最近 7 份备份。"; d.kept.Text != want {
		t.Errorf("kept shows %q, want %q", d.kept.Text, want)
	}

	test.Tap(d.now)
	loop.until(t, "the refusal", func() bool { return !d.now.Disabled() })
	if want := "无法写入备份文件夹。"; !strings.HasPrefix(d.result.Text, want) {
		t.Fatalf("result shows %q, want it to start with %q", d.result.Text, want)
	}
	if d.failure.Visible() {
		t.Errorf("a backup by hand shows as an automatic failure: %q", d.failure.Text)
	}

	b := d.backups.(*data.AutoBackup)
	if err := b.RunOnce(); !errors.Is(err, data.ErrBackupFolder) {
		t.Fatalf("automatic backup = %v", err)
	}
	sc.Refresh(nil)
	settle(t, loop, d)
	if want := "2026年3月3日 14:00 的自动备份失败。无法写入备份文件夹。"; !d.failure.Visible() || !strings.HasPrefix(d.failure.Text, want) {
		t.Errorf("failure shows %q (visible %v), want it to start with %q", d.failure.Text, d.failure.Visible(), want)
	}
}

// failingStats is a store whose counts cannot be read.
type failingStats struct{}

func (failingStats) Stats() (data.Stats, error) { return data.Stats{}, errors.New("disk gone") }

func TestDataTabSaysWhenTheStoreCannotBeRead(t *testing.T) {
	_, loop, sc := dataDesk(t, kit.Chinese, backupsOf)
	sc.data.stats = failingStats{}
	d := openData(t, loop, sc)
	if !d.status.problem.Visible() {
		t.Fatal("no problem shown")
	}
	if want := "暂时无法读取本机数据。"; !strings.HasPrefix(d.status.problem.Text, want) {
		t.Errorf("problem reads %q, want it to start with %q", d.status.problem.Text, want)
	}
	if want := "还没有备份。"; !strings.HasPrefix(d.latest.Text, want) {
		t.Errorf("newest backup shows %q, want it to start with %q", d.latest.Text, want)
	}
}

// TestDataTabListsWhatTheServerRefusedForGood: records the server refused
// for good show in the data tab, in the desk's language, with the reason
// for IT, and Send again puts them back in line to sync.
func TestDataTabListsWhatTheServerRefusedForGood(t *testing.T) {
	e, loop, sc := dataDesk(t, kit.Chinese, backupsOf)
	e.Attendant(t, "S01", "A02", "Zhang Wei")
	waiting, err := e.Store.Outbox(100)
	if err != nil || len(waiting) == 0 {
		t.Fatalf("outbox = %d events, %v", len(waiting), err)
	}
	refused := waiting[len(waiting)-1]
	if err := e.Store.SetAside(refused.ID, "server says: other content"); err != nil {
		t.Fatal(err)
	}
	d := openData(t, loop, sc)
	if !d.aside.box.Visible() {
		t.Fatal("the tab does not show the record the server refused")
	}
	if got := d.aside.count.Text; !strings.Contains(got, "1 条被服务器拒收") {
		t.Errorf("count shows %q", got)
	}
	if got := d.aside.list.Text; !strings.Contains(got, refused.ID) || !strings.Contains(got, "other content") {
		t.Errorf("list shows %q, want the event %s and the reason", got, refused.ID)
	}

	d.aside.sendAgain()
	loop.until(t, "the list to go once the records are back in line", func() bool { return !d.aside.box.Visible() && !d.loading })
	if n, _ := e.Store.SetAsideLen(); n != 0 {
		t.Errorf("%d still set aside", n)
	}
	if got := e.Session.LastNotice(); !strings.Contains(got, "重新加入待同步") {
		t.Errorf("notice = %q", got)
	}
}

// reporterOf is the reports on e's registers.
func reporterOf(e *kittest.Env) ReportSource { return appreports.New(e.Svc.Service) }
