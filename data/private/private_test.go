package private_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"floordesk/data/private"
)

func TestFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	t.Run("fresh", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "a", "data")
		tightened, err := private.Folder(dir)
		if err != nil || len(tightened) != 0 {
			t.Fatalf("Folder = %v, %v", tightened, err)
		}
		checkPrivate(t, dir)
	})
	t.Run("loose", func(t *testing.T) {
		dir := t.TempDir()
		write := func(name string, mode os.FileMode) {
			path := filepath.Join(dir, name)
			os.WriteFile(path, []byte("x"), mode)
			os.Chmod(path, mode) // whatever the umask
		}
		os.Chmod(dir, 0o755)
		write("MANIFEST", 0o644)
		write("KEYREGISTRY", 0o600)
		write("000001.sst", 0o666)
		write("notes.txt", 0o644) // not the store's: a folder named by mistake
		os.Symlink("/etc/hostname", filepath.Join(dir, "000002.vlog"))
		tightened, err := private.Folder(dir)
		if err != nil || len(tightened) != 3 {
			t.Fatalf("Folder tightened %v (%v), want the folder, MANIFEST and 000001.sst", tightened, err)
		}
		checkPrivate(t, dir)
		if info, _ := os.Stat(filepath.Join(dir, "notes.txt")); info.Mode().Perm() != 0o644 {
			t.Fatalf("a file not the store's was changed to %v", info.Mode().Perm())
		}
		if again, _ := private.Folder(dir); len(again) != 0 {
			t.Fatalf("a second call tightened %v", again)
		}
	})
}

func checkPrivate(t *testing.T, dir string) {
	t.Helper()
	loose, err := private.Loose(dir)
	if err != nil || len(loose) > 0 {
		t.Fatalf("not private: %v (%v)", loose, err)
	}
	info, _ := os.Stat(dir)
	if info.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode %v, want 0700", info.Mode().Perm())
	}
}
