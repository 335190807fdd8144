package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowLayout puts title and note on one line and detail below it.
func rowLayout(title, detail, note *widget.Label) fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, note, title)
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), top, detail)
}
