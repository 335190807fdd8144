package supervisor

import (
	"errors"
	"log/slog"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Backups is what the data tab needs of the desk's automatic backups.
type Backups interface {
	// BackupNow writes a backup at once and prunes old ones; it returns
	// the new file's path, or an error that is data.ErrBackupDiskFull,
	// data.ErrBackupFolder or another failure. Safe from any goroutine.
	BackupNow() (string, error)
	// State reads the backups folder and the last automatic failure.
	State() (data.BackupState, error)
}

var _ Backups = (*data.AutoBackup)(nil)

// dataTab shows the store's status and the desk's backups, and makes a
// backup on demand. It reads the store and the backups folder off the
// Fyne goroutine, and only while it is in front.
type dataTab struct {
	s       *kit.Session
	backups Backups
	// stats counts the store's contents: the session's store; tests may
	// replace it.
	stats  StoreStats
	status *storeStatus
	aside  *setAsidePart
	audit  *auditPart

	folder, latest, kept *widget.Label
	failure, result      *widget.Label
	now                  *widget.Button
	box                  fyne.CanvasObject

	// shown tells whether the tab is in front; the screen sets it.
	shown func() bool
	// loading: a read runs; again: read once more after it. Both are
	// used on the Fyne goroutine only.
	loading, again bool
}

// reading is what one read off the Fyne goroutine found.
type reading struct {
	stats      data.Stats
	statsErr   error
	aside      []data.SetAsideEvent
	backups    data.BackupState
	backupsErr error
}

func newDataTab(s *kit.Session, b Backups) *dataTab {
	t := &dataTab{s: s, backups: b, status: newStoreStatus(),
		folder: value(), latest: value(), kept: value(), failure: wrapped(""), result: wrapped("")}
	if s.Local != nil {
		t.stats = s.Local
	}
	store, _ := s.Local.(SetAsideStore)
	t.aside = newSetAsidePart(s, store, t.load)
	log, _ := s.Local.(EventLog)
	t.audit = newAuditPart(s, log)
	t.failure.Importance = widget.DangerImportance
	t.failure.Hide()
	t.result.Hide()
	t.now = widget.NewButtonWithIcon(lang.L("supervisor.backup_now"), theme.DocumentSaveIcon(), t.backupNow)
	t.now.Importance = widget.HighImportance
	form := container.New(layout.NewFormLayout(), lines( // backups first: the button and what it says stay in view
		heading("supervisor.backups_heading"),
		named("supervisor.backup_folder", t.folder),
		named("supervisor.backup_latest", t.latest),
		named("supervisor.backup_kept", t.kept),
		unnamed(t.failure),
		unnamed(container.NewHBox(t.now)),
		unnamed(t.result),
		t.status.lines,
		unnamed(t.aside.box),
		heading("supervisor.audit_heading"),
		unnamed(t.audit.box),
	)...)
	t.box = container.NewVScroll(container.NewPadded(form))
	return t
}

func (t *dataTab) title() string { return lang.L("supervisor.data") }

func (t *dataTab) content() fyne.CanvasObject { return t.box }

// refresh reads the store and the backups again when the tab is in front.
func (t *dataTab) refresh([]wire.EntityRef) {
	if t.shown != nil && !t.shown() {
		return
	}
	t.load()
}

// load reads in the background and shows what it found; a load asked for
// while one runs makes one more after it, so a burst of changes costs two
// reads.
func (t *dataTab) load() {
	if t.loading {
		t.again = true
		return
	}
	t.loading = true
	go func() {
		r := t.read()
		t.s.Do(func() {
			t.show(r)
			t.loading = false
			if t.again {
				t.again = false
				t.load()
			}
		})
	}()
}

// read reads the store's counts and the backups; off the Fyne goroutine.
func (t *dataTab) read() reading {
	var r reading
	if t.stats == nil {
		r.statsErr = errors.New("no store")
	} else {
		r.stats, r.statsErr = t.stats.Stats()
		r.aside = t.aside.read(r.stats.SetAside)
	}
	r.backups, r.backupsErr = t.backups.State()
	return r
}

// show shows a reading; on the Fyne goroutine.
func (t *dataTab) show(r reading) {
	loc := t.s.Now().Location()
	t.status.show(r.stats, r.statsErr, loc)
	t.aside.show(r.stats.SetAside, r.aside, loc)
	b := r.backups
	t.folder.SetText(b.Dir)
	switch {
	case r.backupsErr != nil:
		t.latest.SetText(lang.L("supervisor.backup_folder_unreadable"))
		t.kept.SetText(lang.L("supervisor.backup_keep", map[string]int{"Keep": b.Keep}))
	case b.Latest == "":
		t.latest.SetText(lang.L("supervisor.backup_none"))
	default:
		t.latest.SetText(lang.L("supervisor.backup_latest_at",
			map[string]string{"Time": kit.DateTime(b.LatestAt.In(loc)), "File": filepath.Base(b.Latest)}))
	}
	if r.backupsErr == nil {
		t.kept.SetText(lang.L("supervisor.backup_kept_count", map[string]int{"Keep": b.Keep, "Files": b.Files}))
	}
	if b.Failed == nil {
		t.failure.Hide()
		return
	}
	t.failure.SetText(lang.L("supervisor.backup_auto_failed",
		map[string]string{"Time": kit.DateTime(b.FailedAt.In(loc)), "Reason": backupRefusal(b.Failed)}))
	t.failure.Show()
}

// backupNow makes a backup in the background; the button waits for it.
func (t *dataTab) backupNow() {
	t.now.Disable()
	t.result.Importance = widget.MediumImportance
	t.result.SetText(lang.L("supervisor.backup_running"))
	t.result.Show()
	go func() {
		file, err := t.backups.BackupNow()
		t.s.Do(func() { t.backedUp(file, err) })
	}()
}

// backedUp says how the backup went, and shows the folder again.
func (t *dataTab) backedUp(file string, err error) {
	t.now.Enable()
	if err != nil {
		slog.Error("backup now", "err", err)
		t.result.Importance = widget.DangerImportance
		t.result.SetText(backupRefusal(err))
	} else {
		t.result.Importance = widget.SuccessImportance
		t.result.SetText(lang.L("supervisor.backup_saved", map[string]string{"File": filepath.Base(file)}))
		t.s.Notify(t.result.Text)
	}
	t.result.Refresh()
	t.load()
}

// backupRefusal says in plain words why a backup failed and what to do.
func backupRefusal(err error) string {
	switch {
	case errors.Is(err, data.ErrBackupDiskFull):
		return lang.L("supervisor.backup_disk_full")
	case errors.Is(err, data.ErrBackupFolder):
		return lang.L("supervisor.backup_folder_unwritable")
	}
	return lang.L("supervisor.backup_failed")
}
