//go:build !windows

package main

// alert is for Windows, where the desk has no console when started by a
// double click; elsewhere its error sentences go to the terminal or the
// session's log.
func alert(string) {}
