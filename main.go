// Command floordesk is the FloorDesk desk app: it opens the desk's data
// folder and shows the desk's window. It also backs the data folder up and
// restores it:
//
//	floordesk [--data DIR] [--desk NAME] [--lang zh|en] [--demo [--demo-size N]]
//	floordesk backup [--data DIR] FILE
//	floordesk restore [--data DIR] FILE
//	floordesk demo [--data DIR] [--size N] [--seed S]
//
// main only wires: flags to constructors, and errors to exit codes and to
// sentences in Chinese and English.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"text/template"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"floordesk/app"
	appattendance "floordesk/app/attendance"
	appdemo "floordesk/app/demo"
	appfound "floordesk/app/found"
	appguests "floordesk/app/guests"
	apphandover "floordesk/app/handover"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	appmessages "floordesk/app/messages"
	"floordesk/app/personal"
	appreports "floordesk/app/reports"
	apprequests "floordesk/app/requests"
	"floordesk/assets"
	"floordesk/data"
	"floordesk/data/backupfmt"
	"floordesk/data/deskkey"
	"floordesk/data/seal"
	"floordesk/ui"
	"floordesk/ui/attendance"
	"floordesk/ui/found"
	"floordesk/ui/guests"
	"floordesk/ui/handover"
	"floordesk/ui/keys"
	"floordesk/ui/kit"
	"floordesk/ui/loans"
	"floordesk/ui/messages"
	"floordesk/ui/paper"
	"floordesk/ui/requests"
	"floordesk/ui/supervisor"
	"floordesk/version"
)

// The desk's store is what the window's interfaces ask of it.
var (
	_ ui.Feed                  = (*data.Store)(nil)
	_ ui.Disk                  = (*data.Store)(nil)
	_ kit.LocalStore           = (*data.Store)(nil)
	_ supervisor.StoreStats    = (*data.Store)(nil)
	_ supervisor.SetAsideStore = (*data.Store)(nil)
	_ supervisor.EventLog      = (*data.Store)(nil)
)

// Exit codes.
const (
	exitOK             = 0
	exitFailed         = 1
	exitAlreadyRunning = 2
	exitUsage          = 64
)

const appID = "com.floordesk.desk"

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	profileStart()
	if len(args) > 0 {
		switch args[0] {
		case "backup":
			return backup(args[1:])
		case "restore":
			return restore(args[1:])
		case "demo":
			return demoCommand(args[1:])
		case "version", "--version", "-version":
			fmt.Println("floordesk", version.String())
			return exitOK
		case "export-key":
			return exportKey(args[1:])
		case "passphrase":
			return setPassphrase(args[1:])
		case "verify":
			return verifyCommand(args[1:])
		}
	}
	return desk(args)
}

// deskFlags are the desk app's flags.
type deskFlags struct {
	dir, deskID, language, backups, signedIn *string
	demo                                     *bool
	demoSize                                 *int
}

// desk runs the desk app until its window is closed.
func desk(args []string) int {
	fs, dir := newFlags("floordesk")
	f := deskFlags{dir: dir,
		deskID:   fs.String("desk", "", "desk ID (default: made on first start and kept)"),
		language: fs.String("lang", "", "zh or en (default: the language chosen in settings, else the system's)"),
		backups:  fs.String("backups", "", "folder for the daily backups (default: the data folder's name + \"-backups\", beside it)"),
		demo:     fs.Bool("demo", false, "fill a new, empty data folder with a demo hotel"),
		demoSize: fs.Int("demo-size", 2000, "records of history for --demo"),
		signedIn: fs.String("signed-in", "", ""), // hidden: with --demo, start signed in as this staff number
	}
	if _, code, ok := parse(fs, args, 0); !ok {
		return code
	}
	kit.FixPOSIXLocale()
	if *f.language != "" && *f.language != ui.Chinese && *f.language != ui.English {
		say(os.Stderr, "cli.bad_lang", nil)
		return exitUsage
	}
	pinless := *f.signedIn != "" && !*f.demo // only on a demo hotel's folder
	if pinless && !backupfmt.IsStore(*f.dir) {
		say(os.Stderr, "cli.signed_in_demo_only", nil)
		return exitUsage
	}
	finder := keyFinder(*f.dir, keyFileFlag(fs))
	key, err := folderKeyWith(finder)
	if errors.Is(err, deskkey.ErrNeedPassphrase) {
		return unlockDesk(f, finder, pinless)
	}
	if err != nil {
		return openFailed(*f.dir, err, "cli.already_running")
	}
	st, graphics, err := openWhileCheckingGraphics(f, key)
	if err != nil {
		return openFailed(*f.dir, err, "cli.already_running")
	}
	defer st.Close()
	if pinless && !isDemoStore(st) {
		say(os.Stderr, "cli.signed_in_demo_only", nil)
		return exitUsage
	}
	code := runDesk(st, graphics, f)
	if err := st.Close(); err != nil {
		slog.Error("close store", "err", err)
		return exitFailed
	}
	return code
}

// openDeskStore opens the desk's data folder with key, its guests' data
// keys readable to the folds from the start (app/personal).
func openDeskStore(f deskFlags, key seal.Key) (*data.Store, error) {
	st, err := data.Open(data.Options{Dir: *f.dir, Desk: *f.deskID, Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index,
		IndexVersion: app.IndexVersion, DeferIndexes: true, Key: key})
	if err == nil {
		personal.Attach(st)
	}
	return st, err
}

// runDesk shows the desk's window on an open store until it is closed,
// or says what graphics found missing.
func runDesk(st *data.Store, graphics graphicsCheck, f deskFlags) int {
	svc, code := prepareDesk(st, f)
	if code != exitOK {
		return code
	}
	if code := graphics.say(); code != exitOK {
		return code
	}
	d := newDeskSession(*f.dir)
	d.show(st, svc, f)
	return d.run()
}

// prepareDesk makes the desk's service on st, fills a demo hotel when
// asked, and speaks the desk's language.
func prepareDesk(st *data.Store, f deskFlags) (*app.Service, int) {
	svc := app.New(st, nil)
	svc.DeskCode, _ = st.Setting(ui.SettingDeskCode)
	if *f.demo {
		if code := fillDemo(st, svc, appdemo.DemoOptions{Seed: 1, Size: *f.demoSize}); code != exitOK {
			return nil, code
		}
	}
	if _, err := ui.UseLanguage(chosenLanguage(st, *f.language)); err != nil {
		slog.Error("translations", "err", err)
		return nil, exitFailed
	}
	return svc, exitOK
}

// deskSession is the desk's window and what runs behind it, from its
// first screen (the desk, or the passphrase it asks first) until it is
// closed.
type deskSession struct {
	a     fyne.App
	w     fyne.Window
	ctx   context.Context
	stop  context.CancelFunc
	dw    *ui.Window
	group *groupDesk // a group supervisor's desk: the overview instead of dw
	open  func()     // shows the desk or the overview, as the store's enrolment says
	code  int
	do    func(func()) // runs on the Fyne goroutine; nil: fyne.Do (tests queue it)
}

// fyneDo is d.do, or fyne.Do when it is not set.
func (d *deskSession) fyneDo() func(func()) {
	if d.do != nil {
		return d.do
	}
	return fyne.Do
}

func newDeskSession(dir string) *deskSession {
	// The desk's preferences (the file dialog's folder) are the data
	// folder's, written atomically, not Fyne's file shared by every folder.
	a := ui.UsePreferences(fyneapp.NewWithID(appID), ui.OpenPreferences(dir))
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	a.Settings().SetTheme(themeFor("")) // the desk's font, for Chinese, before the store says which theme
	w := a.NewWindow(lang.L("app.title"))
	w.Resize(ui.RememberedWindowSize(a.Preferences())) // the size it had when last closed
	w.SetCloseIntercept(func() {
		ui.RememberWindowSize(w, a.Preferences())
		w.Close()
	})
	ctx, stop := context.WithCancel(context.Background())
	return &deskSession{a: a, w: w, ctx: ctx, stop: stop, code: exitOK}
}

// show starts the daily backups and shows the desk on st in the window,
// once the store's indexes are built. Call it before run or on the Fyne
// goroutine.
func (d *deskSession) show(st *data.Store, svc *app.Service, f deskFlags) {
	backups := autoBackup(st, *f.backups)
	go backups.Run(d.ctx, func(err error) { slog.Error("auto backup", "err", err) })
	setTheme := func(v string) { d.a.Settings().SetTheme(themeFor(v)) }
	v, _ := st.Setting(ui.SettingTheme)
	setTheme(v)
	d.w.SetTitle(lang.L("app.title"))
	open := func() {
		if data.GroupOf(st) != nil {
			d.showGroup(st)
			return
		}
		if d.dw, d.code = openDesk(d.ctx, d.a, d.w, st, svc, backups, setTheme, f, func() { d.joinedGroup(st) }); d.code != exitOK {
			d.a.Quit()
		}
	}
	d.open = open
	if !st.IndexesStale() {
		open()
		return
	}
	ui.ShowIndexing(d.w, st, fyne.Do, func(err error) {
		if err != nil {
			slog.Error("build indexes", "err", err)
			say(os.Stderr, "cli.indexing_failed", map[string]string{"Error": err.Error()})
			d.quit(exitFailed)
			return
		}
		open()
	})
}

// showGroup shows the group overview of the group desk whose own store
// is st, or quits when its copies cannot be opened.
func (d *deskSession) showGroup(st *data.Store) {
	g, err := showGroupDesk(d.ctx, d.a, d.w, st, d.fyneDo(), d.regroup)
	if err != nil {
		slog.Error("open the group desk", "err", err)
		say(os.Stderr, "cli.group_failed", map[string]string{"Error": err.Error()})
		d.quit(exitFailed)
		return
	}
	d.group = g
}

// joinedGroup turns the desk, just enrolled with a group code, into the
// group overview.
func (d *deskSession) joinedGroup(st *data.Store) {
	if d.dw != nil {
		d.dw.Stop()
		d.dw = nil
	}
	d.showGroup(st)
}

// regroup opens the desk again after the overview enrolled it with a new
// code, without a restart: the overview of the new grant's properties (or
// the desk, for a property's code). The old copies are closed first, off
// the Fyne goroutine. On the Fyne goroutine.
func (d *deskSession) regroup() {
	g := d.group
	d.group = nil
	go func() {
		g.Stop()
		d.fyneDo()(d.open)
	}()
}

// quit ends the desk with code.
func (d *deskSession) quit(code int) {
	d.code = code
	d.a.Quit()
}

// run shows the window until it is closed, then stops the desk.
func (d *deskSession) run() int {
	defer quitOnSignal(d.a)()
	d.w.ShowAndRun()
	if d.dw != nil {
		d.dw.Stop()
	}
	if d.group != nil {
		d.group.Stop()
	}
	d.stop()
	return d.code
}

// openDesk shows the desk in w, once the store's indexes are built, and
// starts syncing.
func openDesk(ctx context.Context, a fyne.App, w fyne.Window, st *data.Store, svc *app.Service,
	backups *data.AutoBackup, setTheme func(string), f deskFlags, groupJoined func()) (*ui.Window, int) {
	sess := kit.NewSession(svc, st, w)
	sess.SetPrinter(paper.Folder{Dir: paper.PrintsDir(st.Dir()), Direct: ui.PrintsDirect(svc)})
	if code := signInDemo(sess, *f.signedIn); code != exitOK {
		return nil, code
	}
	opt := ui.Options{Feed: st, Disk: st, SetTheme: setTheme,
		SystemNotify: func(title, text string) { a.SendNotification(fyne.NewNotification(title, text)) },
		Ready:        benchReady(os.Getenv(benchReadyEnv)), GroupJoined: groupJoined}
	dw := ui.NewWindow(w, sess, registers(svc, backups), opt)
	dw.Start()
	startSync(ctx, st, dw)
	go personal.Run(ctx, svc, slog.Default())
	return dw, exitOK
}

// quitOnSignal closes the desk, and so its store, cleanly when the system
// asks it to stop (a shutdown, a service manager, make bench); the
// returned func stops listening.
func quitOnSignal(a fyne.App) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
	go func() {
		if _, ok := <-ch; ok {
			fyne.Do(a.Quit)
		}
	}()
	return func() { signal.Stop(ch); close(ch) }
}

// registers makes the registers' screens and parts in navigation order,
// each on its register on core, then the supervisor's tabs (which show
// and make the desk's backups). A new register is one line here.
func registers(core *app.Service, backups *data.AutoBackup) func(*kit.Session) []kit.Register {
	return func(s *kit.Session) []kit.Register {
		regs := []kit.Register{
			requests.Register(s, apprequests.New(core)),
			loans.Register(s, apploans.New(core)),
			keys.Register(s, appkeys.New(core)),
			found.Register(s, appfound.New(core)),
			messages.Register(s, appmessages.New(core)),
			attendance.Register(s, appattendance.New(core)),
			guests.Register(s, appguests.New(core), guests.Collect{Loans: apploans.New(core),
				Requests: apprequests.New(core), Found: appfound.New(core)}),
		}
		regs = append(regs, handover.Register(s, apphandover.New(core), regs))
		return append(regs, kit.Register{Screen: supervisor.New(s, appkeys.New(core), backups, appreports.New(core))})
	}
}

// chosenLanguage is the --lang flag, else the language saved in settings.
func chosenLanguage(st *data.Store, flagged string) string {
	if flagged != "" {
		return flagged
	}
	saved, _ := st.Setting(ui.SettingLanguage)
	return saved
}

// themeFor is the desk theme in a light, dark or the system's variant.
func themeFor(v string) fyne.Theme {
	switch v {
	case "light":
		return ui.NewTheme().WithVariant(theme.VariantLight)
	case "dark":
		return ui.NewTheme().WithVariant(theme.VariantDark)
	}
	return ui.NewTheme()
}

// fillDemo fills a fresh store with the demo hotel; it refuses a store
// that already holds data.
func fillDemo(st *data.Store, svc *app.Service, opts appdemo.DemoOptions) int {
	stats, err := st.Stats()
	if err != nil || stats.Events > 0 {
		say(os.Stderr, "cli.demo_not_empty", map[string]string{"Dir": st.Dir()})
		return exitUsage
	}
	if err := appdemo.Demo(svc, opts); err != nil {
		slog.Error("demo", "err", err)
		say(os.Stderr, "cli.demo_failed", nil)
		return exitFailed
	}
	svc.DeskCode = "D1"
	if err := st.SetSetting(ui.SettingDeskCode, svc.DeskCode); err != nil {
		slog.Error("demo desk", "err", err)
	}
	if err := st.SetSetting(settingDemo, "1"); err != nil {
		slog.Error("demo mark", "err", err)
	}
	return exitOK
}

// settingDemo marks a data folder the demo filled: only there may the
// desk start signed in without a PIN (--signed-in).
const settingDemo = "demo_hotel"

func isDemoStore(st *data.Store) bool {
	v, err := st.Setting(settingDemo)
	return err == nil && v == "1"
}

// signInDemo signs the demo's staff member id in; "" signs nobody in.
func signInDemo(s *kit.Session, id string) int {
	if id == "" {
		return exitOK
	}
	staff, err := s.Svc.StaffMember(id)
	if err != nil {
		say(os.Stderr, "cli.signed_in_unknown", map[string]string{"Staff": id})
		return exitUsage
	}
	s.SignIn(staff)
	return exitOK
}

// startSync runs the sync client as soon as the desk has a server and
// token, now or after a supervisor enrols it, and shows it in the shell.
func startSync(ctx context.Context, st *data.Store, dw *ui.Window) {
	go func() {
		show := func(c *data.SyncClient) { fyne.Do(func() { dw.SetSync(c) }) }
		if err := data.RunSyncWhenConfigured(ctx, st, data.SyncConfig{}, show); err != nil {
			slog.Error("sync", "err", err)
		}
	}()
}

// autoBackup keeps a week of daily backups of the running desk in dir, or
// beside the data folder when dir is empty.
func autoBackup(st *data.Store, dir string) *data.AutoBackup {
	if dir == "" {
		dir = filepath.Clean(st.Dir()) + "-backups"
	}
	return &data.AutoBackup{Store: st, Dir: dir, Delay: backupDelay}
}

// backupDelay keeps the daily backup from competing with the desk's start.
const backupDelay = 2 * time.Minute

// backup writes a consistent backup of the data folder to a file.
func backup(args []string) int {
	fs, dir := newFlags("floordesk backup")
	files, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	file := files[0]
	if !backupfmt.IsStore(*dir) {
		say(os.Stderr, "cli.not_a_data_folder", map[string]string{"Dir": *dir})
		return exitFailed
	}
	key, err := folderKey(*dir, keyFileFlag(fs))
	if err != nil {
		return openFailed(*dir, err, "")
	}
	st, err := data.Open(data.Options{Dir: *dir, Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, Key: key})
	if err != nil {
		return openFailed(*dir, err, "cli.backup_while_running")
	}
	defer st.Close()
	if err := st.BackupFile(file); err != nil {
		say(os.Stderr, "cli.backup_failed", map[string]string{"File": file})
		slog.Error("backup", "err", err)
		return exitFailed
	}
	say(os.Stdout, "cli.backup_done", map[string]string{"File": file})
	return exitOK
}

// restore fills an empty data folder from a backup file.
func restore(args []string) int {
	fs, dir := newFlags("floordesk restore")
	files, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	names := map[string]string{"File": files[0], "Dir": *dir}
	f, err := os.Open(files[0])
	if err != nil {
		say(os.Stderr, "cli.file_unreadable", names)
		return exitFailed
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	key, adopt, err := restoreKey(*dir, keyFileFlag(fs), br)
	if err == nil {
		err = data.RestoreWith(*dir, br, key)
	}
	if err == nil {
		err = adopt()
	}
	switch {
	case err == nil:
		say(os.Stdout, "cli.restore_done", names)
		return exitOK
	case errors.Is(err, data.ErrWrongKey) || errors.Is(err, data.ErrNoKey):
		names["Key"] = wantedKey(err)
		say(os.Stderr, "cli.restore_wrong_key", names)
		slog.Error("restore", "err", err)
	case errors.Is(err, data.ErrNotEmpty):
		say(os.Stderr, "cli.restore_not_empty", names)
	case errors.Is(err, data.ErrBadBackup):
		say(os.Stderr, "cli.restore_bad_backup", names)
	case errors.Is(err, data.ErrDiskFull):
		say(os.Stderr, "cli.restore_disk_full", names)
	case errors.Is(err, data.ErrAlreadyRunning):
		say(os.Stderr, "cli.already_running", nil)
		return exitAlreadyRunning
	default:
		say(os.Stderr, "cli.restore_failed", names)
		slog.Error("restore", "err", err)
	}
	return exitFailed
}

// openFailed reports a data folder that cannot be opened; running is the
// sentence for a folder another FloorDesk holds. A folder on a full disk
// that cannot open even read-only (see data.Open) says so.
func openFailed(dir string, err error, running string) int {
	if code, ok := keyRefused(dir, err); ok {
		return code
	}
	if errors.Is(err, data.ErrAlreadyRunning) && running != "" {
		say(os.Stderr, running, nil)
		return exitAlreadyRunning
	}
	if errors.Is(err, data.ErrDiskFull) {
		say(os.Stderr, "cli.disk_full", map[string]string{"Dir": dir})
		slog.Error("open data folder", "err", err)
		return exitFailed
	}
	say(os.Stderr, "cli.open_failed", map[string]string{"Dir": dir})
	slog.Error("open data folder", "err", err)
	return exitFailed
}

// newFlags makes a command's flag set with the --data flag every command
// has. The flag package's own English messages are dropped: parse says
// what is wrong in the user's languages.
func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.String("key-file", "", "the data folder's key file (default: $FLOORDESK_KEY_FILE, else the system key store)")
	return fs, fs.String("data", "", "data folder (default: FloorDesk in the user's settings folder)")
}

// sayFlagError turns the flag package's error into a sentence, then shows
// the usage.
func sayFlagError(err error) {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		say(os.Stderr, "cli.unknown_flag", map[string]string{"Flag": strings.TrimPrefix(msg, "flag provided but not defined: ")})
	case strings.HasPrefix(msg, "flag needs an argument: "):
		say(os.Stderr, "cli.flag_needs_value", map[string]string{"Flag": strings.TrimPrefix(msg, "flag needs an argument: ")})
	case strings.HasPrefix(msg, "invalid value "):
		var value, name string
		if _, scanErr := fmt.Sscanf(msg, "invalid value %q for flag %s", &value, &name); scanErr == nil {
			say(os.Stderr, "cli.flag_bad_value", map[string]string{"Flag": strings.TrimSuffix(name, ":"), "Value": value})
		}
	}
	say(os.Stderr, "cli.usage", nil)
}

// parse reads flags and the files after, or between, them; it wants
// exactly nfiles file names, and fills in the default data folder. When ok
// is false the command is to exit with code: after --help, or on a usage
// error, which parse has reported.
func parse(fs *flag.FlagSet, args []string, nfiles int) (files []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			say(os.Stdout, "cli.usage", nil)
			return nil, exitOK, false
		} else if err != nil {
			sayFlagError(err)
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != nfiles {
		say(os.Stderr, "cli.usage", nil)
		return nil, exitUsage, false
	}
	if dir := fs.Lookup("data"); dir.Value.String() == "" {
		d, err := os.UserConfigDir()
		if err != nil {
			say(os.Stderr, "cli.no_data_dir", nil)
			return nil, exitUsage, false
		}
		if err := dir.Value.Set(filepath.Join(d, "FloorDesk")); err != nil {
			return nil, exitUsage, false
		}
	}
	return files, exitOK, true
}

// say writes a translated sentence in every language, Chinese first.
// data fills the sentence's {{.Field}} templates.
// Errors (to stderr) are also shown in a message box where there is no
// console to read them.
func say(w io.Writer, key string, data any) {
	var b bytes.Buffer
	for _, l := range assets.Languages {
		table, err := assets.Table(l)
		if err != nil {
			fmt.Fprintln(&b, key)
			break
		}
		t, err := template.New(key).Option("missingkey=zero").Parse(table[key])
		if err != nil || t.Execute(&b, data) != nil {
			fmt.Fprint(&b, key)
		}
		fmt.Fprintln(&b)
	}
	w.Write(b.Bytes())
	if w == os.Stderr {
		alert(b.String())
	}
}
