package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// useDeskPreferences makes the test app use the preferences of data
// folder dir, as main does, until the test ends.
func useDeskPreferences(t *testing.T, dir string) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	t.Cleanup(func() { fyne.SetCurrentApp(a) }) // before the test app's own clean-up
	return UsePreferences(a, OpenPreferences(dir))
}

// TestFileDialogRemembersItsFolderPerDataFolder: the folder a file dialog
// was opened in is kept beside the data folder it was opened for, and a
// desk on another data folder does not see it.
func TestFileDialogRemembersItsFolderPerDataFolder(t *testing.T) {
	root := t.TempDir()
	hotelA, hotelB := filepath.Join(root, "hotel-a"), filepath.Join(root, "hotel-b")
	exports := t.TempDir()
	useDeskPreferences(t, hotelA)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	d := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w)
	loc, err := storage.ListerForURI(storage.NewFileURI(exports))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(loc)
	d.Show()
	d.Hide()

	stored := readPreferencesFile(t, hotelA)
	if got, _ := stored["fyne:fileDialogLastFolder"].(string); got != loc.String() {
		t.Fatalf("hotel A's preferences hold %v, want the last folder %s", stored, loc)
	}
	if got := OpenPreferences(hotelA).String("fyne:fileDialogLastFolder"); got != loc.String() {
		t.Errorf("hotel A opened again remembers %q", got)
	}
	if got := OpenPreferences(hotelB).String("fyne:fileDialogLastFolder"); got != "" {
		t.Errorf("hotel B sees hotel A's folder %q", got)
	}
}

// TestPreferencesKeepEveryKind: what Fyne stores reads back the same
// after the desk starts again.
func TestPreferencesKeepEveryKind(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	p := OpenPreferences(dir)
	changes := 0
	p.AddChangeListener(func() { changes++ })
	p.SetBool("b", true)
	p.SetInt("view", 1)
	p.SetFloat("f", 2.5)
	p.SetString("s", "三楼")
	p.SetStringList("sl", []string{"a", "b"})
	p.SetIntList("il", []int{3, 4})
	p.SetString("gone", "x")
	p.RemoveValue("gone")
	q := OpenPreferences(dir)
	if !q.Bool("b") || q.Int("view") != 1 || q.Float("f") != 2.5 || q.String("s") != "三楼" ||
		strings.Join(q.StringList("sl"), ",") != "a,b" || fmt.Sprint(q.IntList("il")) != "[3 4]" ||
		q.StringWithFallback("gone", "none") != "none" {
		t.Errorf("read back: %v", q.values)
	}
	if changes != 8 {
		t.Errorf("%d changes told, want 8", changes)
	}
}

// TestPreferencesSurviveKill9: a desk killed (SIGKILL) while it writes its
// preferences leaves a file that reads whole, every time.
func TestPreferencesSurviveKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts writer processes")
	}
	dir := filepath.Join(t.TempDir(), "data")
	for round := 0; round < 5; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWritesPreferences$")
		cmd.Env = append(os.Environ(), "FLOORDESK_PREFS_WRITER="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForWrites(t, dir, round)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		stored := readPreferencesFile(t, dir)
		if _, ok := stored["n"]; !ok {
			t.Fatalf("round %d: the file after kill -9 holds %v", round, stored)
		}
		OpenPreferences(dir)
		if _, err := os.Stat(PreferencesPath(dir) + ".tmp"); err == nil {
			t.Errorf("round %d: the write cut short is still there after the next start", round)
		}
	}
}

// waitForWrites waits until the writer rewrote the file many times in this
// round.
func waitForWrites(t *testing.T, dir string, round int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(PreferencesPath(dir))
		var v map[string]any
		if err == nil && json.Unmarshal(b, &v) == nil && v["round"] == float64(round) && v["n"] != nil && v["n"].(float64) > 50 {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the writer did not write")
}

// TestHelperWritesPreferences is the writer TestPreferencesSurviveKill9
// kills: it rewrites the preferences until it is killed.
func TestHelperWritesPreferences(t *testing.T) {
	dir := os.Getenv("FLOORDESK_PREFS_WRITER")
	if dir == "" {
		t.Skip("run by TestPreferencesSurviveKill9")
	}
	p := OpenPreferences(dir)
	round := p.IntWithFallback("round", -1) + 1
	p.SetInt("round", round)
	for n := 0; ; n++ {
		p.SetString("padding", strings.Repeat("x", 4096+n%4096))
		p.SetInt("n", n)
	}
}

func readPreferencesFile(t *testing.T, dir string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(PreferencesPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("the preferences file does not read (%v): %q", err, b)
	}
	return v
}
