package kit_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynecontainer "fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// loan is what the test lists: a loan of an item to a room, due at a time.
type loan struct {
	ID, Room, Item string
	Due            time.Time
	Lines          int // how long its detail is
}

// shelf is a test's loans register, as the store would answer: it counts
// the reads a list screen makes.
type shelf struct {
	loans      map[string]loan
	all, names int
	one        []string
	fail       bool // All fails
}

func (sh *shelf) All() ([]loan, error) {
	sh.all++
	if sh.fail {
		return nil, errors.New("the store is gone")
	}
	out := make([]loan, 0, len(sh.loans))
	for _, l := range sh.loans {
		out = append(out, l)
	}
	return out, nil
}

func (sh *shelf) One(id string) (loan, error) {
	sh.one = append(sh.one, id)
	l, ok := sh.loans[id]
	if !ok {
		return loan{}, app.ErrNotFound
	}
	return l, nil
}

var (
	loanRef  = func(id string) []wire.EntityRef { return []wire.EntityRef{{Kind: kit.KindLoan, ID: id}} }
	staffRef = []wire.EntityRef{{Kind: kit.KindStaff, ID: "A01"}}
	keyRef   = []wire.EntityRef{{Kind: kit.KindKey, ID: "F3"}}
)

// loanScreen is a list screen over three loans, due in 1, 2 and 3 hours,
// with an "all" and an "overdue" filter, in a test window.
func loanScreen(t *testing.T) (*kittest.Env, *shelf, *kit.ListScreen[loan]) {
	t.Helper()
	e := kittest.New(t)
	now := e.Clock.Now()
	sh := &shelf{loans: map[string]loan{}}
	for i, item := range []string{"吹风机", "熨斗", "转换插头"} {
		id := fmt.Sprintf("L%d", i+1)
		sh.loans[id] = loan{ID: id, Room: fmt.Sprint(301 + i), Item: item, Due: now.Add(time.Duration(i+1) * time.Hour), Lines: 100}
	}
	ls := kit.NewListScreen(e.Session, kit.ListLook{Screen: "loans", Title: "loans.title", Search: "loans.search",
		Pick: "loans.pick", Count: "found.count"}, loanConfig(sh))
	ls.Refresh(nil)
	e.Window.SetContent(ls.Content())
	return e, sh, ls
}

func loanConfig(sh *shelf) kit.ListConfig[loan] {
	return kit.ListConfig[loan]{
		Kind: kit.KindLoan, Reads: []string{kit.KindStaff},
		ID:  func(l loan) string { return l.ID },
		All: sh.All, One: sh.One, Names: func() { sh.names++ },
		Words: func(l loan) []string { return []string{l.Room, l.Item} },
		Filters: []kit.Filter[loan]{{Name: "loans.filter.open"},
			{Name: "loans.filter.overdue", Keep: func(l loan, _ string, now time.Time) bool { return now.After(l.Due) }}},
		Compare: func(a, b loan) int { return a.Due.Compare(b.Due) },
		Row:     func(l loan, r *kit.Row) { r.Set(l.Room, l.Item, "", widget.MediumImportance) },
		Detail:  func(l loan) (fyne.CanvasObject, *fynecontainer.Scroll) { return detailOf(l), nil },
	}
}

// detailOf is a loan's detail: its item, then Lines lines.
func detailOf(l loan) fyne.CanvasObject {
	box := column(l.Lines)
	box.Objects = append([]fyne.CanvasObject{widget.NewLabel(l.Item)}, box.Objects...)
	return box
}

func TestListScreenSearchesFiltersAndCounts(t *testing.T) {
	tests := []struct {
		search string
		filter int
		want   []string
	}{
		{"", 0, []string{"L1", "L2", "L3"}},
		{"cfj", 0, []string{"L1"}}, // pinyin initials of 吹风机
		{"yundou", 0, []string{"L2"}},
		{"30", 0, []string{"L1", "L2", "L3"}},
		{"", 1, nil}, // nothing is overdue yet
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q/%d", tt.search, tt.filter), func(t *testing.T) {
			_, _, ls := loanScreen(t)
			ls.Search().SetText(tt.search)
			ls.Filter().SetSelectedIndex(tt.filter)
			if got := ls.List().IDs(); !slices.Equal(got, tt.want) {
				t.Errorf("listed %v, want %v", got, tt.want)
			}
			if got, want := kittest.Labels(ls.Content()), countText(len(tt.want)); !strings.Contains(got, want) {
				t.Errorf("no %q in %q", want, got)
			}
		})
	}
}

func TestListScreenRefreshReadsWhatChanged(t *testing.T) {
	tests := []struct {
		name         string
		changed      []wire.EntityRef
		all, names   int
		one          []string
		showsNewRoom bool
	}{
		{"everything", nil, 1, 1, nil, true},
		{"the loan", loanRef("L2"), 0, 0, []string{"L2"}, true},
		{"a name it shows", staffRef, 0, 1, nil, false},
		{"another kind", keyRef, 0, 0, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, sh, ls := loanScreen(t)
			*sh = shelf{loans: sh.loans}
			l := sh.loans["L2"]
			l.Room = "501"
			sh.loans["L2"] = l
			ls.Refresh(tt.changed)
			if sh.all != tt.all || sh.names != tt.names || !slices.Equal(sh.one, tt.one) {
				t.Errorf("read All %d, Names %d, One %v; want %d, %d, %v", sh.all, sh.names, sh.one, tt.all, tt.names, tt.one)
			}
			ls.Search().SetText("501")
			if got := slices.Equal(ls.List().IDs(), []string{"L2"}); got != tt.showsNewRoom {
				t.Errorf("search for the new room lists %v", ls.List().IDs())
			}
		})
	}
}

func TestListScreenKeepsTheSelectionOnItsRecord(t *testing.T) {
	e, sh, ls := loanScreen(t)
	ls.List().SelectID("L3")
	sh.loans["L0"] = loan{ID: "L0", Room: "302", Item: "雨伞", Due: e.Clock.Now(), Lines: 1}
	ls.Refresh(loanRef("L0"))
	if got := ls.List().IDs(); !slices.Equal(got, []string{"L0", "L1", "L2", "L3"}) || ls.List().Selected() != "L3" {
		t.Fatalf("listed %v with %q selected", got, ls.List().Selected())
	}
	ls.List().List.Select(2) // the row L3 was on
	if ls.Shown() != "L2" {
		t.Errorf("tapping the row above the selected one shows %q", ls.Shown())
	}
}

func TestListScreenRebuildsTheDetailAtTheReadersPlace(t *testing.T) {
	tests := []struct {
		name    string
		changed []wire.EntityRef
		rebuilt bool
	}{
		{"the record", loanRef("L1"), true},
		{"a name it shows", staffRef, true},
		{"another record", loanRef("L2"), false},
		{"another kind", keyRef, false},
		{"everything", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, sh, ls := loanScreen(t)
			ls.Open("L1")
			before := ls.Pane().Object()
			kittest.ScrollDown(t, ls.Pane().Content(), 300)
			l := sh.loans["L1"]
			l.Item = "吹风机 (new)"
			sh.loans["L1"] = l
			ls.Refresh(tt.changed)
			if !tt.rebuilt {
				kittest.StillShows(t, ls.Pane(), before, 300)
				return
			}
			if ls.Pane().Object() == before {
				t.Error("the detail was not built again")
			}
			kittest.ShowsAt(t, ls.Pane(), "吹风机", 300)
		})
	}
}

func TestListScreenNeverReplacesAForm(t *testing.T) {
	_, _, ls := loanScreen(t)
	ls.Open("L1")
	f := kit.NewForm()
	note := f.Entry("")
	f.Row("Note", "note", note)
	f.Cancel = func() { ls.Back() }
	ls.Pane().Set(f.Content("Extend", "Save"))
	kittest.TypeThrough(t, ls.Pane(), note, "until Friday", func() {
		ls.Refresh(loanRef("L1"))
		ls.Refresh(nil)
		ls.Tick()
	})
	f.Cancel()
	if ls.Pane().Record() != (wire.EntityRef{Kind: kit.KindLoan, ID: "L1"}) {
		t.Errorf("back from the form, the pane shows %v", ls.Pane().Record())
	}
}

func TestListScreenTickMovesTheRowsAndTheDetail(t *testing.T) {
	e, _, ls := loanScreen(t)
	ls.Filter().SetSelectedIndex(1) // overdue
	ls.Open("L1")
	before := ls.Pane().Object()
	kittest.ScrollDown(t, ls.Pane().Content(), 300)
	e.Clock.Advance(90 * time.Minute)
	ls.Tick()
	if got := ls.List().IDs(); !slices.Equal(got, []string{"L1"}) {
		t.Errorf("after L1 fell due the overdue filter lists %v", got)
	}
	if ls.Pane().Object() == before {
		t.Error("the detail was not built again")
	}
	kittest.ShowsAt(t, ls.Pane(), "吹风机", 300)
}

func TestListScreenShowsARecordOfItsKind(t *testing.T) {
	tests := []struct {
		kind, id string
		want     bool
	}{
		{kit.KindLoan, "L2", true},
		{kit.KindLoan, "L9", false},
		{kit.KindKey, "L2", false},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.id, func(t *testing.T) {
			_, _, ls := loanScreen(t)
			got := ls.Show(tt.kind, tt.id)
			shown := ls.Pane().Record() == wire.EntityRef{Kind: kit.KindLoan, ID: tt.id} && ls.List().Selected() == tt.id
			if got != tt.want || shown != tt.want {
				t.Errorf("Show = %v, shown and selected %v; want %v", got, shown, tt.want)
			}
		})
	}
}

// TestListScreenWithoutOneReadsAllAgain: a list read whole (a supervisor
// tab) reads All again for a change of its kind or what it reads, and
// says so when it cannot, keeping what it listed.
func TestListScreenWithoutOneReadsAllAgain(t *testing.T) {
	e, sh, _ := loanScreen(t)
	c := loanConfig(sh)
	c.One = nil
	ls := kit.NewListScreen(e.Session, kit.ListLook{}, c)
	ls.Refresh(nil)
	for _, changed := range [][]wire.EntityRef{loanRef("L1"), staffRef} {
		sh.all = 0
		ls.Refresh(changed)
		if sh.all != 1 {
			t.Errorf("%v: read All %d times", changed, sh.all)
		}
	}
	sh.fail = true
	ls.Refresh(loanRef("L1"))
	if ls.List().Len() != 3 || !strings.Contains(e.Session.LastNotice(), "IT") {
		t.Errorf("after a failed read: %d listed, notice %q", ls.List().Len(), e.Session.LastNotice())
	}
}

// TestListScreenFilterReadsMore: a filter that lists records All does not
// read (a room's returned loans) brings them in for the search typed.
func TestListScreenFilterReadsMore(t *testing.T) {
	e, sh, _ := loanScreen(t)
	returned := loan{ID: "L0", Room: "301", Item: "雨伞", Due: e.Clock.Now().Add(-time.Hour)}
	c := loanConfig(sh)
	c.Filters = []kit.Filter[loan]{{Name: "loans.filter.room",
		Keep: func(l loan, q string, _ time.Time) bool { return l.Room == q },
		More: func(q string) []loan { return []loan{returned} }}}
	ls := kit.NewListScreen(e.Session, kit.ListLook{Search: "loans.search"}, c)
	ls.Refresh(nil)
	ls.Search().SetText("301 ")
	if got := ls.List().IDs(); !slices.Equal(got, []string{"L0", "L1"}) {
		t.Errorf("room 301 lists %v", got)
	}
}

// history is a test's store search over returned loans: the latest
// first, a page of two, counting the searches.
type history struct {
	loans    []loan
	searches []string
	periods  [][2]time.Time
}

func (h *history) search(q kit.HistoryQuery) ([]loan, bool, error) {
	h.searches = append(h.searches, q.Text)
	h.periods = append(h.periods, [2]time.Time{q.From, q.To})
	var out []loan
	for _, l := range h.loans {
		if strings.Contains(l.Item, q.Text) && !l.Due.Before(q.From) && (q.To.IsZero() || l.Due.Before(q.To)) {
			out = append(out, l)
		}
	}
	return out[:min(2, len(out))], len(out) > 2, nil
}

// TestListScreenFilterSearchesTheStore: a choice answered by the store's
// search lists its page in its order, says when there are more, searches
// again for a new text or a change of its kind, not on a tick or another
// kind's change, and shows a listed record it does not hold.
func TestListScreenFilterSearchesTheStore(t *testing.T) {
	e, sh, _ := loanScreen(t)
	now := e.Clock.Now()
	h := &history{loans: []loan{{ID: "R9", Room: "305", Item: "雨伞 umbrella", Due: now.Add(-time.Hour)},
		{ID: "R8", Room: "306", Item: "熨斗 iron", Due: now.Add(-2 * time.Hour)},
		{ID: "R7", Room: "307", Item: "雨伞 umbrella", Due: now.Add(-3 * time.Hour)}}}
	c := loanConfig(sh)
	c.Filters = append(c.Filters, kit.Filter[loan]{Name: "loans.filter.returned", Search: h.search})
	ls := kit.NewListScreen(e.Session, kit.ListLook{Search: "loans.search", Count: "found.count"}, c)
	ls.Refresh(nil)
	ls.Filter().SetSelectedIndex(2)
	if got := ls.List().IDs(); !slices.Equal(got, []string{"R9", "R8"}) {
		t.Fatalf("the latest returned: %v", got)
	}
	if got := kittest.Labels(ls.Content()); !strings.Contains(got, "The latest 2; type to search older ones") {
		t.Errorf("the count says %q", got)
	}
	ls.Search().SetText("umbrella")
	if got := ls.List().IDs(); !slices.Equal(got, []string{"R9", "R7"}) || !strings.Contains(kittest.Labels(ls.Content()), "2 items") {
		t.Errorf("umbrellas: %v, %q", got, kittest.Labels(ls.Content()))
	}
	if !ls.ShowDetail("R7") || ls.Pane().Record().ID != "R7" {
		t.Error("a returned loan listed cannot be shown")
	}
	ls.Tick()
	ls.Refresh(keyRef)
	if !slices.Equal(h.searches, []string{"", "umbrella"}) {
		t.Errorf("searched %q", h.searches)
	}
	h.loans = h.loans[1:]
	ls.Refresh(loanRef("R9"))
	if got := ls.List().IDs(); !slices.Equal(got, []string{"R7"}) || len(h.searches) != 3 {
		t.Errorf("after R9 changed: %v, searched %q", got, h.searches)
	}
	ls.Filter().SetSelectedIndex(0)
	if _, ok := ls.Record("R7"); ok {
		t.Error("the search's records stay after another choice")
	}
}

// TestListScreenHistoryPeriod: a history choice shows the period menu
// (hidden for the others); a period picked asks the search for its days
// in the hotel's zone, and lists what falls in them.
func TestListScreenHistoryPeriod(t *testing.T) {
	e, sh, _ := loanScreen(t)
	now := e.Clock.Now().In(e.Session.Location())
	h := &history{loans: []loan{{ID: "R9", Room: "305", Item: "雨伞 umbrella", Due: now.Add(-time.Minute)},
		{ID: "R8", Room: "306", Item: "熨斗 iron", Due: now.AddDate(0, 0, -1)},
		{ID: "R7", Room: "307", Item: "雨伞 umbrella", Due: now.AddDate(0, -2, 0)}}}
	c := loanConfig(sh)
	c.Filters = append(c.Filters, kit.Filter[loan]{Name: "loans.filter.returned", Search: h.search})
	ls := kit.NewListScreen(e.Session, kit.ListLook{Search: "loans.search", Count: "found.count"}, c)
	ls.Refresh(nil)
	if ls.Period() == nil || ls.PeriodShown() {
		t.Fatal("the period menu shows before a history choice is picked")
	}
	ls.Filter().SetSelectedIndex(2)
	if !ls.PeriodShown() || ls.Period().Selected != "Any time" {
		t.Fatalf("a history choice: period menu shown %v on %q", ls.PeriodShown(), ls.Period().Selected)
	}
	ls.Period().SetSelected("Today")
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	if got := h.periods[len(h.periods)-1]; !got[0].Equal(today) || !got[1].Equal(today.AddDate(0, 0, 1)) {
		t.Errorf("today asks for %v", got)
	}
	if got := ls.List().IDs(); !slices.Equal(got, []string{"R9"}) {
		t.Errorf("today lists %v", got)
	}
	ls.Period().SetSelected("Last 30 days")
	if got := ls.List().IDs(); !slices.Equal(got, []string{"R9", "R8"}) {
		t.Errorf("the last 30 days list %v", got)
	}
	ls.Filter().SetSelectedIndex(0)
	if ls.PeriodShown() {
		t.Error("the period menu stays after another choice")
	}
}

// TestListScreenUnpick: a view that stands for no record (a stock table)
// unselects the row, and closing it leaves the pane empty.
func TestListScreenUnpick(t *testing.T) {
	_, _, ls := loanScreen(t)
	ls.Open("L1")
	ls.Unpick()
	ls.Pane().Set(widget.NewLabel("stock"))
	if ls.List().Selected() != "" || ls.Back() || ls.Pane().Record() != (wire.EntityRef{}) {
		t.Errorf("after Unpick: selected %q, pane shows %v", ls.List().Selected(), ls.Pane().Record())
	}
}

// countText is how the list counts n items in English.
func countText(n int) string {
	if n == 1 {
		return "1 item ·"
	}
	return fmt.Sprintf("%d items ·", n)
}
