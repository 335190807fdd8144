package kittest

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// ReadOnlyDir is a folder no file can be saved in, as a write-protected
// USB stick or a share without write access: a read-only tmpfs for root
// (who may write in any folder of a normal disk), else a folder without
// write permission. It skips the test when neither can be made.
func ReadOnlyDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if os.Geteuid() != 0 {
		return chmodReadOnly(t, dir)
	}
	if err := unix.Mount("tmpfs", dir, "tmpfs", unix.MS_RDONLY|unix.MS_NOSUID|unix.MS_NODEV, "size=1m"); err != nil {
		t.Skipf("skipped: cannot mount a read-only tmpfs on %s: %v", dir, err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(dir, 0); err != nil {
			unix.Unmount(dir, unix.MNT_DETACH)
		}
	})
	return dir
}
