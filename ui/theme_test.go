package ui

import (
	"image/color"
	"math"
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

// TestThemeTextAndBordersAreReadable: low-importance text (times, notes,
// status lines, drawn in the "disabled" colour), hints and the rings of
// radio buttons stand out from the background on both variants (WCAG AA:
// text 4.5:1, borders 3:1).
func TestThemeTextAndBordersAreReadable(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		th := NewTheme().WithVariant(v)
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
			for name, min := range map[fyne.ThemeColorName]float64{
				theme.ColorNameForeground: 4.5, theme.ColorNameDisabled: 4.5,
				theme.ColorNamePlaceHolder: 4.5, theme.ColorNameInputBorder: 3,
			} {
				if c := contrast(th.Color(name, v), th.Color(bg, v)); c < min {
					t.Errorf("variant %d: %s on %s is %.2f:1, want at least %.1f:1", v, name, bg, c, min)
				}
			}
		}
		if contrast(th.Color(theme.ColorNameDisabled, v), th.Color(theme.ColorNameBackground, v)) >=
			contrast(th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameBackground, v)) {
			t.Errorf("variant %d: low-importance text is as strong as the foreground", v)
		}
	}
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is a colour's WCAG relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
