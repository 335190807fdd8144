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
	if c, ok := readable[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// readable are the colours that differ from Fyne's: the teal primary, and
// greys a desk can read. Fyne draws low-importance text (times, notes,
// status lines) and the ring of an unpicked radio button in its "disabled"
// and "input border" greys, which on the dark variant are #39393a on
// #171718 (1.6:1): on a corridor PC's screen they vanish. Text here is at
// least 4.5:1 and borders 3:1 against the background and the input
// background (WCAG 2.1 AA), while staying dimmer than the foreground.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantDark: {
		theme.ColorNamePrimary:     color.NRGBA{R: 0x3f, G: 0xb8, B: 0xaf, A: 0xff},
		theme.ColorNameDisabled:    color.NRGBA{R: 0x9a, G: 0x9a, B: 0xa0, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x7a, G: 0x7a, B: 0x80, A: 0xff},
	},
	theme.VariantLight: {
		theme.ColorNamePrimary:     color.NRGBA{R: 0x00, G: 0x7c, B: 0x74, A: 0xff},
		theme.ColorNameDisabled:    color.NRGBA{R: 0x6a, G: 0x6a, B: 0x6e, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8e, A: 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6a, G: 0x6a, B: 0x6e, A: 0xff},
	},
}

// Icon is Fyne's default icon set.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size is Fyne's default sizes.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
