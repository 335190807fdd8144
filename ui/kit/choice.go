package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choiceRows is how many options a Choice's list shows before it scrolls.
const choiceRows = 10

// Choice is a drop-down for long lists (keys, staff, witnesses, item
// types). Its list opens with a search above it: what is typed narrows
// the options by their words, their pinyin and its initials ("wf" finds
// 王芳); Enter picks the first option left, ↓ goes into the list, Esc
// closes it. Typing while the Choice has the keyboard opens it with that
// text. The list stays inside the window and scrolls. Everything else is
// a widget.Select's: Selected, SetSelected, OnChanged, PlaceHolder. Use
// it on the Fyne goroutine.
type Choice struct {
	widget.Select
	index  *Index
	pop    *widget.PopUp
	search *choiceSearch
	list   *widget.List
	shown  []string // the options the search leaves
	// OnEscape runs on Esc while the Choice has the keyboard and its list
	// is closed; a Form sets it to cancel the form.
	OnEscape func()
}

// NewChoice returns a searchable drop-down of options, with the
// placeholder in the user's language; changed (may be nil) is OnChanged.
func NewChoice(options []string, changed func(string)) *Choice {
	c := &Choice{}
	c.Options, c.OnChanged = options, changed
	c.PlaceHolder = lang.L("kit.select")
	c.ExtendBaseWidget(c)
	c.SetOptions(options)
	return c
}

// SetOptions replaces the options and what the search finds them by.
func (c *Choice) SetOptions(options []string) {
	c.Options = options
	c.index = NewIndex()
	for _, o := range options {
		c.index.Add(o, o)
	}
	c.Refresh()
}

// Tapped opens the list with an empty search.
func (c *Choice) Tapped(*fyne.PointEvent) { c.Open("") }

// TypedKey opens the list on Space, ↓ or ↑, as a widget.Select does.
func (c *Choice) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyDown, fyne.KeyUp:
		c.Open("")
	case fyne.KeyEscape:
		if c.OnEscape != nil {
			c.OnEscape()
		}
	default:
		c.Select.TypedKey(e)
	}
}

// TypedRune opens the list searching for what is typed.
func (c *Choice) TypedRune(r rune) { c.Open(string(r)) }

// Open shows the list below the Choice, inside the window, its search
// holding text and the keyboard.
func (c *Choice) Open(text string) {
	if c.Disabled() {
		return
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	c.search = newChoiceSearch(c)
	c.list = widget.NewList(func() int { return len(c.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.shown[i]) })
	c.list.OnSelected = func(i widget.ListItemID) { c.pick(c.shown[i]) }
	c.pop = widget.NewPopUp(container.NewBorder(c.search, nil, nil, nil, c.list), cv)
	c.narrow(text)
	c.search.SetText(text)
	c.search.CursorColumn = len([]rune(text)) // typing goes on after it
	c.place(cv)
	c.pop.Show()
	cv.Focus(c.search)
}

// place sizes the list to its options, at most choiceRows and never more
// than the window holds, below the Choice or, with no room there, above
// it.
func (c *Choice) place(cv fyne.Canvas) {
	row := widget.NewLabel("X").MinSize().Height
	width := max(c.Size().Width, 240)
	height := c.search.MinSize().Height + row*float32(min(max(len(c.Options), 1), choiceRows)) + theme.Padding()*4
	win := cv.Size()
	height = min(height, win.Height)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	y := pos.Y + c.Size().Height
	if y+height > win.Height {
		y = max(0, win.Height-height)
	}
	x := min(pos.X, max(0, win.Width-width))
	c.pop.Resize(fyne.NewSize(width, height))
	c.pop.Move(fyne.NewPos(x, y))
}

// Showing reports whether the list is open.
func (c *Choice) Showing() bool { return c.pop != nil && c.pop.Visible() }

// Shown are the options the search leaves, in order.
func (c *Choice) Shown() []string { return append([]string(nil), c.shown...) }

// Search is the open list's search, to type into, or nil.
func (c *Choice) Search() fyne.Focusable {
	if c.search == nil {
		return nil
	}
	return c.search
}

func (c *Choice) narrow(text string) {
	c.shown = c.index.Find(text)
	if c.list != nil {
		c.list.UnselectAll()
		c.list.Refresh()
		c.list.ScrollToTop()
	}
}

// pick selects option and closes the list, the keyboard back on the
// Choice.
func (c *Choice) pick(option string) {
	c.close()
	c.SetSelected(option)
}

func (c *Choice) close() {
	if c.pop != nil {
		c.pop.Hide()
		c.pop = nil
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

// choiceSearch is the search of a Choice's open list: Enter picks the
// first option left, ↓ moves into the list, Esc closes it.
type choiceSearch struct {
	widget.Entry
	c *Choice
}

func newChoiceSearch(c *Choice) *choiceSearch {
	s := &choiceSearch{c: c}
	s.ExtendBaseWidget(s)
	s.PlaceHolder = lang.L("kit.choice_search")
	s.OnChanged = c.narrow
	s.OnSubmitted = func(string) {
		if len(c.shown) > 0 {
			c.pick(c.shown[0])
		}
	}
	return s
}

// TypedKey closes the list on Esc and moves into it on ↓.
func (s *choiceSearch) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		s.c.close()
	case fyne.KeyDown:
		if cv := fyne.CurrentApp().Driver().CanvasForObject(s); cv != nil && len(s.c.shown) > 0 {
			cv.Focus(s.c.list)
		}
	default:
		s.Entry.TypedKey(e)
	}
}
