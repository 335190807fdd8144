package kittest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// Walk calls fn on o and on everything under it, containers' objects and
// widgets' rendered parts, parents before their children.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) { walk(o, fn, false) }

// WalkShown is Walk leaving out what is hidden, and all under it.
func WalkShown(o fyne.CanvasObject, fn func(fyne.CanvasObject)) { walk(o, fn, true) }

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject), shownOnly bool) {
	if shownOnly && !o.Visible() {
		return
	}
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			walk(ch, fn, shownOnly)
		}
	case fyne.Widget:
		for _, ch := range test.WidgetRenderer(c).Objects() {
			walk(ch, fn, shownOnly)
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

// Mask shows replacement in place of text in every label and entry under
// o, for a shot of something that differs from run to run, such as a
// temporary folder or a test server's port, and lays o out again, so the
// shot does not depend on how long the text was; restore puts the texts
// back.
func Mask(o fyne.CanvasObject, text, replacement string) (restore func()) {
	type masked struct {
		set func(string)
		old string
	}
	var found []masked
	Walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			found = append(found, masked{w.SetText, w.Text})
		case *widget.Entry:
			found = append(found, masked{w.SetText, w.Text})
		case *kit.Entry:
			found = append(found, masked{w.SetText, w.Text})
		}
	})
	var undo []masked
	for _, m := range found { // after the walk, which must not see new texts
		if strings.Contains(m.old, text) {
			m.set(strings.ReplaceAll(m.old, text, replacement))
			undo = append(undo, m)
		}
	}
	o.Refresh() // a container lays itself out, then refreshes what it holds
	return func() {
		for _, m := range undo {
			m.set(m.old)
		}
		o.Refresh()
	}
}

// Visible is the text a person can read under o, one piece a line: every
// label's, button's and entry's text and every text drawn, leaving out
// what is hidden. A label that wraps is there whole and line by line.
func Visible(o fyne.CanvasObject) string {
	var b strings.Builder
	WalkShown(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.Entry:
			b.WriteString(w.Text + "\n")
		case *kit.Entry:
			b.WriteString(w.Text + "\n")
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		}
	})
	return b.String()
}

// Shows fails the test for every text in want that o does not show.
func Shows(t testing.TB, o fyne.CanvasObject, want ...string) {
	t.Helper()
	got := Visible(o)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the screen does not show %q; it shows:\n%s", w, got)
		}
	}
}
