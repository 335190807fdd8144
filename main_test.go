package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	appregisters "floordesk/app/apptest/registers"
	appdemo "floordesk/app/demo"
	"floordesk/assets"
	"floordesk/data"
	"floordesk/data/deskkey"
	"floordesk/data/seal"
)

// These tests run the desk app's command line as a hotel's IT person does:
// in a child process, reading its exit code and what it prints. The child is
// this test binary run again, which does what main does: os.Exit(run(args)).
// No test here opens a window: each command checked stops before the window,
// and the child has no display to open one on.

// childEnv, set in a child's environment, makes TestMain run the command line.
const childEnv = "FLOORDESK_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(runTests(m))
}

// testKey is the data folders' key in these tests: the children find it
// in the key file FLOORDESK_KEY_FILE names, as IT would set it, so no
// test reaches the system's key store.
var testKey seal.Key

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "floordesk-key")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "desk.key")
	if testKey, _, err = seal.LoadOrCreateKeyFile(path); err != nil {
		panic(err)
	}
	os.Setenv(deskkey.KeyFileEnv, path)
	return m.Run()
}

// result is what a person sees of one command: its exit code and output.
type result struct {
	code           int
	stdout, stderr string
	home           string // the child's home and settings folder
}

// floordesk runs `floordesk args...` in a child process with a fresh, empty
// home folder, so the default data folder is inside it, and no display.
func floordesk(t *testing.T, args ...string) result {
	t.Helper()
	return floordeskIn(t, withoutDisplay(os.Environ()), args...)
}

// floordeskIn is floordesk in the environment env.
func floordeskIn(t *testing.T, env []string, args ...string) result {
	t.Helper()
	home := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(env, childEnv+"=1",
		"HOME="+home, "XDG_CONFIG_HOME="+home, "AppData="+home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("floordesk %q did not end within a minute (a window?)\nstderr:\n%s", args, stderr.String())
	}
	r := result{stdout: stdout.String(), stderr: stderr.String(), home: home}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("floordesk %q: %v", args, err)
	}
	return r
}

func withoutDisplay(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			out = append(out, kv)
		}
	}
	return out
}

// wantCode fails the test unless the command ended with code.
func (r result) wantCode(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

// wantSaid fails the test unless out holds the translated sentence key,
// with fields filled in, in every language and Chinese first.
func wantSaid(t *testing.T, stream, out, key string, fields map[string]string) {
	t.Helper()
	at := -1
	for _, l := range assets.Languages {
		want := sentence(t, l, key, fields)
		i := strings.Index(out, want)
		if i < 0 {
			t.Fatalf("%s lacks the %s sentence %q (%s); it reads:\n%s", stream, l, want, key, out)
		}
		if i < at {
			t.Fatalf("%s has the %s sentence of %s before the one above it; it reads:\n%s", stream, l, key, out)
		}
		at = i
	}
}

// sentence is the text of key in language l with its {{.Field}}s filled.
func sentence(t *testing.T, l, key string, fields map[string]string) string {
	t.Helper()
	table, err := assets.Table(l)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := table[key]
	if !ok || s == "" {
		t.Fatalf("no %s translation for %s", l, key)
	}
	for k, v := range fields {
		s = strings.ReplaceAll(s, "{{."+k+"}}", v)
	}
	if strings.Contains(s, "{{") {
		t.Fatalf("%s %s: a field is left unfilled: %q", l, key, s)
	}
	return s
}

// newHotel fills a new data folder with a small demo hotel and returns it.
func newHotel(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	st := openStore(t, dir)
	svc := app.New(st, nil)
	svc.PINCost = app.TestPINCost
	if err := appdemo.Demo(svc, appdemo.DemoOptions{Seed: 1, Size: 150, Days: 20}); err != nil {
		t.Fatalf("demo: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func openStore(t *testing.T, dir string) *data.Store {
	t.Helper()
	st, err := data.Open(data.Options{Dir: dir, Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, Key: testKey})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// contents sums up a closed data folder: its counts, and a digest of every
// event in log order and every entity's view.
type contents struct {
	Desk                         string
	Events, Entities, Outbox     int
	Cursor                       uint64
	LogDigest, ViewDigest        string
	KeysOut, OpenRequests, Staff int // what the desk shows first
}

func contentsOf(t *testing.T, dir string) contents {
	t.Helper()
	st := openStore(t, dir)
	defer st.Close()
	stats, err := st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	c := contents{Desk: stats.Desk, Events: stats.Events, Entities: stats.Entities,
		Outbox: stats.Outbox, Cursor: stats.Cursor}
	c.LogDigest, c.ViewDigest = logDigest(t, st), viewDigest(t, st)
	svc := appregisters.New(app.New(st, nil))
	out, err1 := svc.KeysOut()
	reqs, err2 := svc.OpenRequests("")
	staff, err3 := svc.StaffList(true)
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	c.KeysOut, c.OpenRequests, c.Staff = len(out), len(reqs), len(staff)
	return c
}

func logDigest(t *testing.T, st *data.Store) string {
	t.Helper()
	h := sha256.New()
	for after := uint64(0); ; {
		evs, next, err := st.Log(after, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			return fmt.Sprintf("%x", h.Sum(nil))
		}
		for _, ev := range evs {
			b, err := ev.Encode()
			if err != nil {
				t.Fatal(err)
			}
			h.Write(b)
		}
		after = next
	}
}

func viewDigest(t *testing.T, st *data.Store) string {
	t.Helper()
	h := sha256.New()
	kinds, err := st.Kinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		err := st.Views(k, func(id string, state []byte) error {
			fmt.Fprintf(h, "%s/%s %d:", k, id, len(state))
			h.Write(state)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// wantNoFolder fails the test if dir exists.
func wantNoFolder(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s exists (%v), want nothing created", dir, err)
	}
}

// wantNoData fails the test if dir holds anything. A restore that fails
// after reading a backup's header removes the folder, even one the person
// made beforehand (data.Restore's os.RemoveAll); a missing folder is
// accepted here for that reason.
func wantNoData(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return
	}
	wantEmptyFolder(t, dir)
}

// wantEmptyFolder fails the test unless dir exists and holds nothing.
func wantEmptyFolder(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	if len(entries) > 0 {
		t.Fatalf("%s holds %d entries (%s...), want it left empty", dir, len(entries), entries[0].Name())
	}
}

func TestBackupThenRestoreKeepsEveryRecord(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	before := contentsOf(t, dir)
	if before.Events == 0 || before.Staff == 0 || before.KeysOut == 0 {
		t.Fatalf("the demo hotel is too small to test with: %+v", before)
	}
	file := filepath.Join(t.TempDir(), "hotel.fdbackup")

	r := floordesk(t, "backup", "--data", dir, file)
	r.wantCode(t, exitOK)
	wantSaid(t, "stdout", r.stdout, "cli.backup_done", map[string]string{"File": file})
	if _, err := os.Stat(file + ".tmp"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the backup left %s.tmp behind", file)
	}
	if after := contentsOf(t, dir); after != before {
		t.Fatalf("the backup changed the data folder:\n%+v\nwant\n%+v", after, before)
	}

	restored := filepath.Join(t.TempDir(), "new", "FloorDesk")
	r = floordesk(t, "restore", "--data", restored, file)
	r.wantCode(t, exitOK)
	wantSaid(t, "stdout", r.stdout, "cli.restore_done", map[string]string{"Dir": restored})
	if got := contentsOf(t, restored); got != before {
		t.Fatalf("restored folder holds\n%+v\nwant\n%+v", got, before)
	}

	st := openStore(t, restored)
	svc := app.New(st, nil)
	if _, err := svc.Login("S01", appdemo.DemoPIN); err != nil {
		t.Fatalf("the supervisor cannot sign in on the restored desk: %v", err)
	}
}

func TestBackupTakesFlagsAndFileInAnyOrder(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	for name, args := range map[string]func(file string) []string{
		"file last":  func(f string) []string { return []string{"backup", "--data", dir, f} },
		"file first": func(f string) []string { return []string{"backup", f, "--data", dir} },
		"one dash":   func(f string) []string { return []string{"backup", "-data=" + dir, f} },
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "b.fdbackup")
			r := floordesk(t, args(file)...)
			r.wantCode(t, exitOK)
			wantSaid(t, "stdout", r.stdout, "cli.backup_done", map[string]string{"File": file})
			if fi, err := os.Stat(file); err != nil || fi.Size() == 0 {
				t.Fatalf("no backup in %s: %v", file, err)
			}
		})
	}
}

func TestBackupRefusals(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	letters := t.TempDir() // a typo in --data: an existing folder of other files
	if err := os.WriteFile(filepath.Join(letters, "letter.txt"), []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	noFolder := filepath.Join(t.TempDir(), "gone", "b.fdbackup")
	tests := []struct {
		name string
		args []string
		key  string
		said map[string]string
		code int
	}{
		{"missing data folder", []string{"backup", "--data", missing, filepath.Join(t.TempDir(), "b")},
			"cli.not_a_data_folder", map[string]string{"Dir": missing}, exitFailed},
		{"a folder that is not a desk's", []string{"backup", "--data", letters, filepath.Join(t.TempDir(), "b")},
			"cli.not_a_data_folder", map[string]string{"Dir": letters}, exitFailed},
		{"file in a missing folder", []string{"backup", "--data", dir, noFolder},
			"cli.backup_failed", map[string]string{"File": noFolder}, exitFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := floordesk(t, tt.args...)
			r.wantCode(t, tt.code)
			wantSaid(t, "stderr", r.stderr, tt.key, tt.said)
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
	wantNoFolder(t, missing)
	wantNoFolder(t, filepath.Dir(noFolder))
	if entries, _ := os.ReadDir(letters); len(entries) != 1 {
		t.Errorf("the backup wrote into the folder of other files: %v", entries)
	}
}

// The README: "With FloorDesk closed (the running desk holds its folder), a
// backup by hand"; exit code 2 when FloorDesk is already running on that
// folder. The daily backups, made by the running desk itself, are the ones
// taken while it works. The test holds the folder as the running desk does.
func TestDeskRunningOnTheFolder(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	before := contentsOf(t, dir)
	running := openStore(t, dir)
	file := filepath.Join(t.TempDir(), "b.fdbackup")

	t.Run("backup", func(t *testing.T) {
		r := floordesk(t, "backup", "--data", dir, file)
		r.wantCode(t, exitAlreadyRunning)
		wantSaid(t, "stderr", r.stderr, "cli.backup_while_running", nil)
		wantNoFolder(t, file)
		wantNoFolder(t, file+".tmp")
	})
	t.Run("second desk", func(t *testing.T) {
		r := floordesk(t, "--data", dir)
		r.wantCode(t, exitAlreadyRunning)
		wantSaid(t, "stderr", r.stderr, "cli.already_running", nil)
		// The child has no screen either, checked while the folder
		// opened: the held folder is what to tell.
		for _, l := range assets.Languages {
			if no := sentence(t, l, "cli.no_display", map[string]string{"Error": ""}); strings.Contains(r.stderr, no) {
				t.Fatalf("stderr speaks of the screen as well as the held folder; it reads:\n%s", r.stderr)
			}
		}
	})
	t.Run("restore", func(t *testing.T) {
		backup := filepath.Join(t.TempDir(), "other.fdbackup")
		if err := running.BackupFile(backup); err != nil {
			t.Fatal(err)
		}
		r := floordesk(t, "restore", "--data", dir, backup)
		r.wantCode(t, exitFailed)
		wantSaid(t, "stderr", r.stderr, "cli.restore_not_empty", map[string]string{"Dir": dir})
	})
	if err := running.Close(); err != nil {
		t.Fatal(err)
	}
	if after := contentsOf(t, dir); after != before {
		t.Fatalf("the data folder changed:\n%+v\nwant\n%+v", after, before)
	}
}

func TestRestoreNeverOverwrites(t *testing.T) {
	t.Parallel()
	src := newHotel(t)
	file := filepath.Join(t.TempDir(), "src.fdbackup")
	floordesk(t, "backup", "--data", src, file).wantCode(t, exitOK)

	t.Run("folder with a desk's data", func(t *testing.T) {
		dir := newHotel(t)
		before := contentsOf(t, dir)
		r := floordesk(t, "restore", "--data", dir, file)
		r.wantCode(t, exitFailed)
		wantSaid(t, "stderr", r.stderr, "cli.restore_not_empty", map[string]string{"Dir": dir})
		if r.stdout != "" {
			t.Errorf("stdout %q, want nothing", r.stdout)
		}
		if after := contentsOf(t, dir); after != before {
			t.Fatalf("the data folder changed:\n%+v\nwant\n%+v", after, before)
		}
	})
	t.Run("folder with other files", func(t *testing.T) {
		dir := t.TempDir()
		note := filepath.Join(dir, "readme.txt")
		if err := os.WriteFile(note, []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		r := floordesk(t, "restore", "--data", dir, file)
		r.wantCode(t, exitFailed)
		wantSaid(t, "stderr", r.stderr, "cli.restore_not_empty", map[string]string{"Dir": dir})
		entries, _ := os.ReadDir(dir)
		if b, _ := os.ReadFile(note); string(b) != "mine" || len(entries) != 1 {
			t.Fatalf("the folder changed: %d entries, readme.txt %q", len(entries), b)
		}
	})
}

func TestRestoreRefusesWhatIsNotABackup(t *testing.T) {
	t.Parallel()
	src := newHotel(t)
	whole := filepath.Join(t.TempDir(), "whole.fdbackup")
	floordesk(t, "backup", "--data", src, whole).wantCode(t, exitOK)
	b, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	files := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(files, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i>>3)
	}
	tests := []struct {
		name, file, key string
	}{
		{"random bytes", write("random.bin", random), "cli.restore_bad_backup"},
		{"empty file", write("empty.fdbackup", nil), "cli.restore_bad_backup"},
		{"a zip file", write("hotel.zip", []byte("PK\x03\x04\x14\x00\x00\x00")), "cli.restore_bad_backup"},
		{"cut in half", write("half.fdbackup", b[:len(b)/2]), "cli.restore_bad_backup"},
		{"missing file", filepath.Join(files, "no-such.fdbackup"), "cli.file_unreadable"},
		{"a folder", files, "cli.restore_bad_backup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Run("new folder", func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "FloorDesk")
				r := floordesk(t, "restore", "--data", dir, tt.file)
				r.wantCode(t, exitFailed)
				wantSaid(t, "stderr", r.stderr, tt.key, map[string]string{"File": tt.file, "Dir": dir})
				if r.stdout != "" {
					t.Errorf("stdout %q, want nothing", r.stdout)
				}
				wantNoFolder(t, dir)
			})
			t.Run("empty folder", func(t *testing.T) {
				dir := t.TempDir()
				r := floordesk(t, "restore", "--data", dir, tt.file)
				r.wantCode(t, exitFailed)
				wantSaid(t, "stderr", r.stderr, tt.key, map[string]string{"File": tt.file, "Dir": dir})
				wantNoData(t, dir)
			})
		})
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "b.fdbackup")
	tests := []struct {
		name string
		args []string
		key  string
		code int
		said map[string]string
	}{
		{"unknown flag", []string{"--colour", "blue"}, "cli.unknown_flag", exitUsage, map[string]string{"Flag": "-colour"}},
		{"unknown backup flag", []string{"backup", "--all", file}, "cli.unknown_flag", exitUsage, map[string]string{"Flag": "-all"}},
		{"--data without a folder", []string{"backup", file, "--data"}, "cli.flag_needs_value", exitUsage, map[string]string{"Flag": "-data"}},
		{"--demo-size not a number", []string{"--demo", "--demo-size", "many"}, "cli.flag_bad_value", exitUsage, map[string]string{"Flag": "-demo-size", "Value": "many"}},
		{"--lang fr", []string{"--lang", "fr"}, "cli.bad_lang", exitUsage, nil},
		{"--signed-in without --demo", []string{"--signed-in", "S01"}, "cli.signed_in_demo_only", exitUsage, nil},
		{"a file for the desk", []string{file}, "cli.usage", exitUsage, nil},
		{"backup without FILE", []string{"backup"}, "cli.usage", exitUsage, nil},
		{"backup of two files", []string{"backup", file, file + "2"}, "cli.usage", exitUsage, nil},
		{"restore without FILE", []string{"restore"}, "cli.usage", exitUsage, nil},
		{"--help", []string{"--help"}, "cli.usage", exitOK, nil},
		{"backup -h", []string{"backup", "-h"}, "cli.usage", exitOK, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := floordesk(t, tt.args...)
			r.wantCode(t, tt.code)
			if tt.code == exitOK { // asked for help: the usage, on stdout
				wantSaid(t, "stdout", r.stdout, tt.key, nil)
			} else {
				wantSaid(t, "stderr", r.stderr, tt.key, tt.said)
				if r.stdout != "" {
					t.Errorf("stdout %q, want nothing", r.stdout)
				}
			}
			if strings.Contains(r.stderr, "flag provided") || strings.Contains(r.stderr, "invalid value") {
				t.Errorf("stderr shows the flag package's English: %q", r.stderr)
			}
			wantEmptyFolder(t, r.home) // no default data folder made
			wantNoFolder(t, file)
		})
	}
}

// --demo refuses a folder with data before any window opens.
func TestDemoRefusesAFolderWithData(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	before := contentsOf(t, dir)
	r := floordesk(t, "--data", dir, "--demo", "--demo-size", "10")
	r.wantCode(t, exitUsage)
	wantSaid(t, "stderr", r.stderr, "cli.demo_not_empty", map[string]string{"Dir": dir})
	if after := contentsOf(t, dir); after != before {
		t.Fatalf("the data folder changed:\n%+v\nwant\n%+v", after, before)
	}
}

// --signed-in skips the PIN on a demo hotel only: a real hotel's data
// folder refuses it, and stays as it was.
func TestSignedInRefusesARealHotel(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	before := contentsOf(t, dir)
	r := floordesk(t, "--data", dir, "--signed-in", "S01")
	r.wantCode(t, exitUsage)
	wantSaid(t, "stderr", r.stderr, "cli.signed_in_demo_only", nil)
	if after := contentsOf(t, dir); after != before {
		t.Fatalf("the data folder changed:\n%+v\nwant\n%+v", after, before)
	}
}
