package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"floordesk/assets"
)

// Theme is FloorDesk's look: Fyne's default theme with the bundled Noto Sans
// SC font for all text, so Chinese renders the same on every desk, and a
// calm teal as the primary colour. It follows the system's light or dark
// variant unless the user picks one.
type Theme struct {
	regular, bold fyne.Resource
	variant       *fyne.ThemeVariant // nil: follow the system
}

var _ fyne.Theme = (*Theme)(nil)

// NewTheme returns the FloorDesk theme following the system variant.
func NewTheme() *Theme {
	return &Theme{
		regular: fyne.NewStaticResource("NotoSansSC-Regular.otf", assets.FontRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.otf", assets.FontBold),
	}
}

// WithVariant returns a copy fixed to the light or dark variant.
func (t *Theme) WithVariant(v fyne.ThemeVariant) *Theme {
	c := *t
	c.variant = &v
	return &c
}

// Font returns the Chinese font for every style but monospace, which keeps
// Fyne's monospace font (tag numbers and codes are ASCII).
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

// Color keeps Fyne's palette, with a teal primary that reads well on both
// variants.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if n == theme.ColorNamePrimary {
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x3f, G: 0xb8, B: 0xaf, A: 0xff}
		}
		return color.NRGBA{R: 0x00, G: 0x7c, B: 0x74, A: 0xff}
	}
	return theme.DefaultTheme().Color(n, v)
}

// Icon is Fyne's default icon set.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size is Fyne's default sizes.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
