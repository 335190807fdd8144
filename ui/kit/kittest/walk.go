package kittest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk calls fn on o and on everything under it, containers' objects and
// widgets' rendered parts, parents before their children.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			Walk(ch, fn)
		}
	case fyne.Widget:
		for _, ch := range test.WidgetRenderer(c).Objects() {
			Walk(ch, fn)
		}
	}
}

// Labels is the text of every label under o, one a line.
func Labels(o fyne.CanvasObject) string {
	return texts(o, func(l *widget.Label) string { return l.Text })
}

// Buttons is the text of every button under o, one a line.
func Buttons(o fyne.CanvasObject) string {
	return texts(o, func(b *widget.Button) string { return b.Text })
}

// texts is the text of every W under o, one a line.
func texts[W fyne.CanvasObject](o fyne.CanvasObject, text func(W) string) string {
	var b strings.Builder
	Walk(o, func(o fyne.CanvasObject) {
		if w, ok := o.(W); ok {
			b.WriteString(text(w) + "\n")
		}
	})
	return b.String()
}

// Scroll is the outermost scroll container under o, such as the one that
// holds a detail pane's record, or nil.
func Scroll(o fyne.CanvasObject) *container.Scroll {
	var found *container.Scroll
	Walk(o, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok && found == nil {
			found = s
		}
	})
	return found
}

// ScrollDown scrolls the outermost scroll under o down to y, as a reader
// would, and returns it; the test fails when there is no scroll or its
// content is too short to reach y.
func ScrollDown(t testing.TB, o fyne.CanvasObject, y float32) *container.Scroll {
	t.Helper()
	s := Scroll(o)
	if s == nil {
		t.Fatal("nothing to scroll")
	}
	s.ScrollToOffset(fyne.NewPos(0, y))
	if s.Offset.Y != y {
		t.Fatalf("scrolled to %v, not %v: the content is %v high in %v", s.Offset.Y, y, s.Content.MinSize().Height, s.Size().Height)
	}
	return s
}
