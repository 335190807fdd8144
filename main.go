// Command floordesk is the FloorDesk desk app: it opens the desk's data
// folder and shows the desk's window. It also backs the data folder up and
// restores it:
//
//	floordesk [--data DIR] [--desk NAME] [--lang zh|en]
//	floordesk backup [--data DIR] FILE
//	floordesk restore [--data DIR] FILE
//
// main only wires: flags to constructors, and errors to exit codes and to
// sentences in Chinese and English.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"text/template"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/assets"
	"floordesk/data"
	"floordesk/ui"
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
	if len(args) > 0 {
		switch args[0] {
		case "backup":
			return backup(args[1:])
		case "restore":
			return restore(args[1:])
		}
	}
	return desk(args)
}

// desk runs the desk app until its window is closed.
func desk(args []string) int {
	fs, dir := newFlags("floordesk")
	deskID := fs.String("desk", "", "desk ID (default: made on first start and kept)")
	language := fs.String("lang", "", "zh or en (default: the system's language)")
	backups := fs.String("backups", "", "folder for the daily backups (default: the data folder's name + \"-backups\", beside it)")
	if _, code, ok := parse(fs, args, 0); !ok {
		return code
	}
	if *language != "" && *language != ui.Chinese && *language != ui.English {
		say(os.Stderr, "cli.bad_lang", nil)
		return exitUsage
	}
	if _, err := ui.UseLanguage(*language); err != nil {
		slog.Error("translations", "err", err)
		return exitFailed
	}
	st, err := data.Open(data.Options{Dir: *dir, Desk: *deskID, Fold: app.Fold})
	if err != nil {
		return openFailed(*dir, err, "cli.already_running")
	}
	defer st.Close()
	ctx, stopBackups := context.WithCancel(context.Background())
	defer stopBackups()
	go autoBackup(st, *backups).Run(ctx, func(err error) { slog.Error("auto backup", "err", err) })

	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	a.Settings().SetTheme(ui.NewTheme())
	w := a.NewWindow(lang.L("app.title"))
	status := ui.NewStatus(st)
	w.SetContent(status.Content())
	w.Resize(fyne.NewSize(720, 400))
	status.Start()
	w.ShowAndRun()
	status.Stop()
	if err := st.Close(); err != nil {
		slog.Error("close store", "err", err)
		return exitFailed
	}
	return exitOK
}

// autoBackup keeps a week of daily backups of the running desk in dir, or
// beside the data folder when dir is empty.
func autoBackup(st *data.Store, dir string) *data.AutoBackup {
	if dir == "" {
		dir = filepath.Clean(st.Dir()) + "-backups"
	}
	return &data.AutoBackup{Store: st, Dir: dir}
}

// backup writes a consistent backup of the data folder to a file.
func backup(args []string) int {
	fs, dir := newFlags("floordesk backup")
	files, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	file := files[0]
	if _, err := os.Stat(*dir); err != nil {
		return openFailed(*dir, err, "")
	}
	st, err := data.Open(data.Options{Dir: *dir, Fold: app.Fold})
	if err != nil {
		return openFailed(*dir, err, "cli.backup_while_running")
	}
	defer st.Close()
	if err := st.BackupFile(file); err != nil {
		slog.Error("backup", "err", err)
		say(os.Stderr, "cli.backup_failed", map[string]string{"File": file})
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
	err = data.Restore(*dir, bufio.NewReaderSize(f, 1<<20))
	switch {
	case err == nil:
		say(os.Stdout, "cli.restore_done", names)
		return exitOK
	case errors.Is(err, data.ErrNotEmpty):
		say(os.Stderr, "cli.restore_not_empty", names)
	case errors.Is(err, data.ErrBadBackup):
		say(os.Stderr, "cli.restore_bad_backup", names)
	case errors.Is(err, data.ErrAlreadyRunning):
		say(os.Stderr, "cli.already_running", nil)
		return exitAlreadyRunning
	default:
		slog.Error("restore", "err", err)
		say(os.Stderr, "cli.restore_failed", names)
	}
	return exitFailed
}

// openFailed reports a data folder that cannot be opened; running is the
// sentence for a folder another FloorDesk holds.
func openFailed(dir string, err error, running string) int {
	if errors.Is(err, data.ErrAlreadyRunning) && running != "" {
		say(os.Stderr, running, nil)
		return exitAlreadyRunning
	}
	slog.Error("open data folder", "err", err)
	say(os.Stderr, "cli.open_failed", map[string]string{"Dir": dir})
	return exitFailed
}

// newFlags makes a command's flag set with the --data flag every command has.
func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() { say(fs.Output(), "cli.usage", nil) }
	return fs, fs.String("data", "", "data folder (default: FloorDesk in the user's settings folder)")
}

// parse reads flags and the files after, or between, them; it wants
// exactly nfiles file names, and fills in the default data folder. When ok
// is false the command is to exit with code: after --help, or on a usage
// error, which parse has reported.
func parse(fs *flag.FlagSet, args []string, nfiles int) (files []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, exitOK, false
		} else if err != nil {
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != nfiles {
		fs.Usage()
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
func say(w io.Writer, key string, data any) {
	for _, l := range assets.Languages {
		table, err := assets.Table(l)
		if err != nil {
			fmt.Fprintln(w, key)
			return
		}
		t, err := template.New(key).Option("missingkey=zero").Parse(table[key])
		if err != nil || t.Execute(w, data) != nil {
			fmt.Fprint(w, key)
		}
		fmt.Fprintln(w)
	}
}
