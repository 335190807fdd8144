package kit

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
)

// staffChoice is a Choice of 300 staff at the bottom of a small window.
func staffChoice(t *testing.T) (*Choice, fyne.Window) {
	t.Helper()
	names := []string{"A01 王芳", "A02 王伟", "A03 张伟"}
	for i := 4; i <= 300; i++ {
		names = append(names, fmt.Sprintf("A%03d Staff %d", i, i))
	}
	c := NewChoice(names, nil)
	w := test.NewWindow(container.NewVBox(layout.NewSpacer(), c))
	w.Resize(fyne.NewSize(400, 300))
	t.Cleanup(w.Close)
	return c, w
}

// TestChoiceFindsByPinyinInitials: typing on a drop-down of 300 names
// opens its list searching; "wf" leaves 王芳, Enter picks it.
func TestChoiceFindsByPinyinInitials(t *testing.T) {
	c, w := staffChoice(t)
	w.Canvas().Focus(c)
	c.TypedRune('w')
	if !c.Showing() || c.search.Text != "w" {
		t.Fatalf("typing w on the choice: list open %v, search %q", c.Showing(), c.search.Text)
	}
	test.Type(c.Search(), "f")
	if got := c.Shown(); !slices.Equal(got, []string{"A01 王芳"}) {
		t.Fatalf("wf leaves %v", got)
	}
	c.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Selected != "A01 王芳" || c.Showing() || w.Canvas().Focused() != c {
		t.Errorf("Enter picked %q, list open %v", c.Selected, c.Showing())
	}
}

// TestChoiceListStaysInTheWindow: the list of 300 options opened from the
// window's bottom edge fits inside the window.
func TestChoiceListStaysInTheWindow(t *testing.T) {
	c, w := staffChoice(t)
	test.Tap(c)
	if !c.Showing() {
		t.Fatal("a tap did not open the list")
	}
	pos, size, win := c.pop.Content.Position(), c.pop.Content.Size(), w.Canvas().Size()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.pop.Content)
	if abs.Y < 0 || abs.Y+size.Height > win.Height || abs.X+size.Width > win.Width {
		t.Errorf("the list at %v (%v) size %v runs off the %v window", abs, pos, size, win)
	}
	c.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Showing() || c.Selected != "" {
		t.Errorf("Esc: list open %v, picked %q", c.Showing(), c.Selected)
	}
}
