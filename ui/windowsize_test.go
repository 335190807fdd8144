package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWindowOpensAtTheSizeItWasClosedAt: a desk on a large screen is
// made larger once, and opens that large from then on, per data folder.
func TestWindowOpensAtTheSizeItWasClosedAt(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir() + "/desk"
	p := OpenPreferences(dir)
	if got := RememberedWindowSize(p); got != DefaultWindowSize {
		t.Fatalf("first start: %v, want the default %v", got, DefaultWindowSize)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1800, 1000))
	RememberWindowSize(w, p)
	if got := RememberedWindowSize(OpenPreferences(dir)); got != fyne.NewSize(1800, 1000) {
		t.Errorf("next start: %v, want 1800×1000", got)
	}
	if got := RememberedWindowSize(OpenPreferences(t.TempDir() + "/other")); got != DefaultWindowSize {
		t.Errorf("another data folder: %v, want the default", got)
	}
}

func TestRememberedWindowSizeWithinLimits(t *testing.T) {
	tests := []struct {
		w, h float64
		want fyne.Size
	}{
		{800, 560, fyne.NewSize(800, 560)},     // at the minimum
		{799, 560, DefaultWindowSize},          // below it
		{7680, 4320, fyne.NewSize(7680, 4320)}, // at the maximum
		{7681, 1000, DefaultWindowSize},        // beyond it
		{-5, 0, DefaultWindowSize},
	}
	for _, tt := range tests {
		p := OpenPreferences(t.TempDir() + "/desk")
		p.SetFloat(prefWindowWidth, tt.w)
		p.SetFloat(prefWindowHeight, tt.h)
		if got := RememberedWindowSize(p); got != tt.want {
			t.Errorf("%v×%v: %v, want %v", tt.w, tt.h, got, tt.want)
		}
	}
}
