//go:build !linux

package kittest

import "testing"

// ReadOnlyDir is a folder without write permission (see the Linux
// version); it skips the test where the system lets it be written.
func ReadOnlyDir(t testing.TB) string {
	t.Helper()
	return chmodReadOnly(t, t.TempDir())
}
