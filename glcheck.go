//go:build !gles && !arm && !arm64 && !wasm

package main

import (
	"fmt"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// probeOpenGL makes sure the desk's window can open before Fyne tries:
// Fyne needs OpenGL 2.1 and, without it (old PCs, the basic display
// driver, some remote desktop sessions), only logs "window creation
// error" and quits, which on Windows nobody sees. So the desk opens a
// hidden 1×1 window with the context Fyne will ask for
// (internal/driver/glfw/glfw_core.go) and, when that fails, says what to
// do in both languages (sayGraphics; a message box on Windows). It runs on
// the main goroutine, which Fyne's driver has locked to the main thread.
//
// It returns the translation key of what is missing, "" when nothing,
// and the driver's words. go-gl/glfw logs a platform error and goes on,
// and panics on errors it does not expect (a failed start shows as "not
// initialized" at the next call): both are caught here.
func probeOpenGL() (key, detail string) {
	defer func() {
		if v := recover(); v != nil {
			key, detail = "cli.no_opengl", fmt.Sprint(v)
			if strings.Contains(detail, "NotInitialized") {
				key = "cli.no_display"
			}
		}
	}()
	if err := glfw.Init(); err != nil {
		return "cli.no_display", err.Error()
	}
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	// Not titled "FloorDesk": that is the desk's window, which smoke.sh
	// looks for, and this one is gone a moment later.
	w, err := glfw.CreateWindow(1, 1, "FloorDesk graphics check", nil, nil)
	glfw.DefaultWindowHints() // Fyne sets its own
	switch {
	case err != nil:
		return "cli.no_opengl", err.Error()
	case w == nil:
		return "cli.no_opengl", "no OpenGL window"
	}
	w.Destroy()
	return "", ""
}
