package kittest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
)

// StillShows fails the test unless p shows before, not rebuilt, scrolled
// down to y: what a reader expects after a change to another record.
func StillShows(t testing.TB, p *kit.DetailPane, before fyne.CanvasObject, y float32) {
	t.Helper()
	if p.Object() != before {
		t.Error("the detail was rebuilt for a change to another record")
	}
	scrolledTo(t, p, y)
}

// StillShowsView fails the test unless p shows the live view whose
// figures before holds, not built again, scrolled down to y: what a reader
// expects after a change to records the view does not read. (The view's
// inputs may hold its figures: only before tells whether they were built
// again.)
func StillShowsView(t testing.TB, p *kit.DetailPane, before *container.Scroll, y float32) {
	t.Helper()
	if p.Scroll() != before {
		t.Error("the view was built again for a change to records it does not read")
	}
	scrolledTo(t, p, y)
}

// ShowsAt fails the test unless p shows text, scrolled down to y: what a
// reader expects after a change to the record they read, or to records
// the live view shown reads.
func ShowsAt(t testing.TB, p *kit.DetailPane, text string, y float32) {
	t.Helper()
	if !strings.Contains(Labels(p.Content()), text) {
		t.Errorf("the detail does not show %q", text)
	}
	scrolledTo(t, p, y)
}

// ScrollPaneDown scrolls the scroll of the detail or live view p shows
// down to y, as a reader would, and returns it; the test fails when p
// shows neither or its content is too short to reach y.
func ScrollPaneDown(t testing.TB, p *kit.DetailPane, y float32) *container.Scroll {
	t.Helper()
	if p.Scroll() == nil {
		t.Fatal("the pane shows no detail or live view")
	}
	return ScrollDown(t, p.Scroll(), y)
}

func scrolledTo(t testing.TB, p *kit.DetailPane, y float32) {
	t.Helper()
	switch s := p.Scroll(); {
	case s == nil:
		t.Error("the pane shows no detail or live view")
	case s.Offset.Y != y:
		t.Errorf("the detail is scrolled to %v, want %v", s.Offset.Y, y)
	}
}

// TypeThrough types text into entry, on the form p shows, then calls
// refresh, as syncs from other desks would, and fails the test unless p
// still shows that form with text in entry.
func TypeThrough(t testing.TB, p *kit.DetailPane, entry *kit.Entry, text string, refresh func()) {
	t.Helper()
	form := p.Object()
	entry.SetText("")
	test.Type(entry, text)
	refresh()
	if p.Object() != form {
		t.Fatal("a refresh replaced the form being typed")
	}
	if entry.Text != text {
		t.Errorf("typed %q, the form has %q", text, entry.Text)
	}
}
