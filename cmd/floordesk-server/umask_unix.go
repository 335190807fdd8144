//go:build unix

package main

import "syscall"

// privateFiles makes every file and folder the server creates its user's
// alone (0600, 0700) whatever umask it was started with: its data folder
// holds guests' names, token hashes and the admin token, and Badger
// creates its files as the umask allows.
func privateFiles() { syscall.Umask(0o077) }
