//go:build windows

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// The desk's exe is built as a Windows GUI program, so no console window
// opens behind the desk. Run from a command prompt (backup, restore), it
// writes to that prompt's console; started by a double click, it shows its
// error sentences in a message box, since there is no console to read.

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	user32            = syscall.NewLazyDLL("user32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procMessageBox    = user32.NewProc("MessageBoxW")
)

const (
	attachParentProcess = ^uintptr(0) // (DWORD)-1
	mbIconWarning       = 0x30
)

var hasConsole = attachParentConsole()

// attachParentConsole joins the console of the prompt the desk was started
// from, if any, for output not already redirected to a file or pipe.
func attachParentConsole() bool {
	if validHandle(syscall.STD_ERROR_HANDLE) {
		return true // redirected by the caller: keep it
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return false
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	if !validHandle(syscall.STD_OUTPUT_HANDLE) {
		os.Stdout = out
	}
	os.Stderr = out
	return true
}

func validHandle(std int) bool {
	h, err := syscall.GetStdHandle(std)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}

// alert shows text in a message box when nobody can read the console.
func alert(text string) {
	if hasConsole {
		return
	}
	t, err := syscall.UTF16PtrFromString(text)
	if err != nil {
		return
	}
	title, _ := syscall.UTF16PtrFromString("FloorDesk")
	procMessageBox.Call(0, uintptr(unsafe.Pointer(t)), uintptr(unsafe.Pointer(title)), mbIconWarning)
}
