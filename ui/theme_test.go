package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestThemeUsesBundledChineseFont(t *testing.T) {
	th := NewTheme()
	if th.Font(fyne.TextStyle{}).Name() != "NotoSansSC-Regular.otf" {
		t.Fatalf("regular font = %s", th.Font(fyne.TextStyle{}).Name())
	}
	if th.Font(fyne.TextStyle{Bold: true}).Name() != "NotoSansSC-Bold.otf" {
		t.Fatalf("bold font = %s", th.Font(fyne.TextStyle{Bold: true}).Name())
	}
}

// TestChineseTextRendersGlyphs draws Chinese text with the theme and checks
// that it produces ink: with a font lacking CJK glyphs the label would be
// empty boxes of the same few pixels, and a wider text would not be wider.
func TestChineseTextRendersGlyphs(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(NewTheme().WithVariant(v))
		short := inkWidth(t, "钥")
		long := inkWidth(t, "钥匙管理失物招领")
		if short == 0 || long < 6*short {
			t.Fatalf("variant %d: ink widths %d for one character, %d for eight", v, short, long)
		}
	}
}

// inkWidth renders text on a window and returns how many columns hold a
// pixel that differs from the background.
func inkWidth(t *testing.T, text string) int {
	t.Helper()
	w := test.NewWindow(container.NewWithoutLayout(widget.NewLabel(text)))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 60))
	obj := w.Content().(*fyne.Container).Objects[0]
	obj.Resize(obj.MinSize())
	img := w.Canvas().Capture()
	bg := img.At(399, 59)
	cols := 0
	b := img.Bounds()
	for x := b.Min.X; x < b.Max.X; x++ {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			if !sameColor(img.At(x, y), bg) {
				cols++
				break
			}
		}
	}
	return cols
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2
}
