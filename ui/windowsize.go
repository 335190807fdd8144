package ui

import "fyne.io/fyne/v2"

// The desk window's size: DefaultWindowSize fits a 1366×768 desk screen
// with a taskbar; a size remembered from the last run is used when it lies
// within MinWindowSize and MaxWindowSize (a preferences file edited by
// hand, or a size from a screen since removed, gives the default).
var (
	DefaultWindowSize = fyne.NewSize(1280, 720)
	MinWindowSize     = fyne.NewSize(800, 560)
	MaxWindowSize     = fyne.NewSize(7680, 4320)
)

// Preference keys of the window's size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// RememberedWindowSize is the size the desk window had when it was last
// closed with this data folder's preferences p, or DefaultWindowSize.
func RememberedWindowSize(p fyne.Preferences) fyne.Size {
	size := fyne.NewSize(float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight)))
	if size.Width < MinWindowSize.Width || size.Height < MinWindowSize.Height ||
		size.Width > MaxWindowSize.Width || size.Height > MaxWindowSize.Height {
		return DefaultWindowSize
	}
	return size
}

// RememberWindowSize keeps w's size in p for the next start. Call it as
// the window closes.
func RememberWindowSize(w fyne.Window, p fyne.Preferences) {
	size := w.Canvas().Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p.SetFloat(prefWindowWidth, float64(size.Width))
	p.SetFloat(prefWindowHeight, float64(size.Height))
}
