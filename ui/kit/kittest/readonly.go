package kittest

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// chmodReadOnly takes the write permission off dir until the test ends.
func chmodReadOnly(t testing.TB, dir string) string {
	t.Helper()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("skipped: this system lets a folder without write permission be written")
	}
	return dir
}

// SaveFile opens path for writing as Fyne's save dialog does when the
// user picks it: the writer the dialog hands on, or why it could not.
func SaveFile(path string) (fyne.URIWriteCloser, error) {
	return storage.Writer(storage.NewFileURI(path))
}
