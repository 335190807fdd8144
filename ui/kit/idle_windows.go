//go:build windows

package kit

import (
	"syscall"
	"time"
	"unsafe"
)

var (
	user32           = syscall.NewLazyDLL("user32.dll")
	kernel32         = syscall.NewLazyDLL("kernel32.dll")
	getLastInputInfo = user32.NewProc("GetLastInputInfo")
	getTickCount     = kernel32.NewProc("GetTickCount")
)

// lastInputInfo is Windows' LASTINPUTINFO.
type lastInputInfo struct {
	size uint32
	time uint32 // GetTickCount when the last input came
}

// systemIdle is how long since the last keyboard or mouse input to this
// Windows session (GetLastInputInfo).
func systemIdle() (time.Duration, bool) {
	info := lastInputInfo{size: uint32(unsafe.Sizeof(lastInputInfo{}))}
	if ok, _, _ := getLastInputInfo.Call(uintptr(unsafe.Pointer(&info))); ok == 0 {
		return 0, false
	}
	now, _, _ := getTickCount.Call()
	return time.Duration(uint32(now)-info.time) * time.Millisecond, true
}
