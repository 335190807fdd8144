// Package ui holds FloorDesk's Fyne screens. Screens read through narrow
// interfaces they declare themselves, learn about changes from the store's
// change feed, and update widgets only through fyne.Do. All user-facing
// text comes from the translation files in assets, through fyne's lang.
package ui

import (
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
)

// StoreStats is what the status screen needs from the store.
type StoreStats interface {
	// Stats counts the store's contents.
	Stats() (data.Stats, error)
	// Subscribe starts a change feed; the screen closes it on Stop.
	Subscribe() *data.Subscription
}

var _ StoreStats = (*data.Store)(nil)

// Status is the store-status screen: the data folder, the desk ID, how many
// events, records and events waiting to sync the store holds, and the time
// of the last change. It refreshes on every change the store reports.
type Status struct {
	store StoreStats
	do    func(func()) // runs widget updates on Fyne's goroutine

	dir, desk, events, entities, outbox, last *widget.Label
	problem                                   *widget.Label
	content                                   fyne.CanvasObject

	stopOnce sync.Once
	stop     chan struct{}
	done     chan struct{}
}

// NewStatus builds the screen. Call it on Fyne's goroutine, after
// UseLanguage; call Start to fill it and keep it current.
func NewStatus(store StoreStats) *Status {
	s := &Status{store: store, do: fyne.Do, stop: make(chan struct{}), done: make(chan struct{})}
	value := func() *widget.Label { return &widget.Label{Selectable: true, Wrapping: fyne.TextWrapBreak} }
	s.dir, s.desk, s.events, s.entities, s.outbox, s.last = value(), value(), value(), value(), value(), value()
	s.problem = widget.NewLabel(lang.L("status.unreadable"))
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()

	heading := widget.NewLabelWithStyle(lang.L("status.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	form := container.New(layout.NewFormLayout(),
		name("status.data_folder"), s.dir,
		name("status.desk"), s.desk,
		name("status.events"), s.events,
		name("status.entities"), s.entities,
		name("status.outbox"), s.outbox,
		name("status.last_change"), s.last,
	)
	s.content = container.NewPadded(container.NewVBox(heading, widget.NewSeparator(), form, s.problem))
	return s
}

func name(key string) *widget.Label {
	return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// Content is the screen's canvas object, for a window or a tab.
func (s *Status) Content() fyne.CanvasObject { return s.content }

// Start subscribes to the store's changes and refreshes the screen now and
// after each change, on its own goroutine, until Stop or until the store
// closes.
func (s *Status) Start() {
	sub := s.store.Subscribe() // before the first read, so no change is missed
	go s.watch(sub)
}

// Stop ends the refreshing and waits for it to finish. Safe to call more
// than once; Start must have been called.
func (s *Status) Stop() {
	s.stopOnce.Do(func() { close(s.stop) })
	<-s.done
}

func (s *Status) watch(sub *data.Subscription) {
	defer close(s.done)
	defer sub.Close()
	for {
		s.refresh()
		select {
		case _, ok := <-sub.Ready():
			if !ok {
				return
			}
			sub.Next()
		case <-s.stop:
			return
		}
	}
}

// refresh reads the store's counts and shows them.
func (s *Status) refresh() {
	st, err := s.store.Stats()
	s.do(func() {
		if err != nil {
			s.problem.Show()
			return
		}
		s.problem.Hide()
		s.dir.SetText(st.Dir)
		s.desk.SetText(st.Desk)
		s.events.SetText(strconv.Itoa(st.Events))
		s.entities.SetText(strconv.Itoa(st.Entities))
		s.outbox.SetText(strconv.Itoa(st.Outbox))
		s.last.SetText(formatHLC(st.LastHLC))
	})
}

// formatHLC shows a clock reading as local date and time.
func formatHLC(t data.Timestamp) string {
	if t == 0 {
		return lang.L("status.none")
	}
	return t.Time().Format("2006-01-02 15:04:05")
}
