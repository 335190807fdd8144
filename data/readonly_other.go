//go:build !windows

package data

// Badger locks a folder it opens read-only itself (a shared lock, which a
// writer's exclusive one excludes).
const bypassReadOnlyLock = false

func lockReadOnly(string) (release func(), err error) { return func() {}, nil }
