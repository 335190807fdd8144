//go:build !unix

package main

// privateFiles does nothing where there is no umask: on Windows the data
// folder's access list decides.
func privateFiles() {}
