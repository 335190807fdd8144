package kit_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	fynecontainer "fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// lines is a detail of n lines in a scroll.
func lines(n int) *fynecontainer.Scroll { return fynecontainer.NewVScroll(column(n)) }

// column is n lines, one below the other.
func column(n int) *fyne.Container {
	box := fynecontainer.NewVBox()
	for i := range n {
		box.Add(widget.NewLabel(fmt.Sprintf("line %d", i+1)))
	}
	return box
}

func TestDetailPaneKeepsTheReadersPlaceOnTheSameRecord(t *testing.T) {
	room := wire.EntityRef{Kind: kit.KindRequest, ID: "r1"}
	tests := []struct {
		name   string
		record wire.EntityRef
		lines  int
		formIn bool // a form was shown in between
		want   float32
	}{
		{"same record", room, 100, false, 400},
		{"same record, shorter", room, 28, false, -1}, // clamped to the end
		{"same record, too short to scroll", room, 3, false, 0},
		{"another record", wire.EntityRef{Kind: kit.KindRequest, ID: "r2"}, 100, false, 0},
		{"after a form", room, 100, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := kittest.New(t)
			p := kit.NewDetailPane(widget.NewLabel("pick one"))
			e.Window.SetContent(p.Content())
			first := lines(100)
			p.SetDetail(room, first, first)
			kittest.ScrollDown(t, p.Content(), 400)
			if tt.formIn {
				p.Set(widget.NewEntry())
			}
			next := lines(tt.lines)
			p.SetDetail(tt.record, next, next)
			want := tt.want
			if want < 0 { // the end of the shorter content
				want = next.Content.Size().Height - next.Size().Height
				if want <= 0 || want >= 400 {
					t.Fatalf("the shorter content ends at %v: not a clamp", want)
				}
			}
			if p.Object() != next || p.Scroll() != next || next.Offset.Y != want {
				t.Errorf("offset %v, want %v", next.Offset.Y, want)
			}
		})
	}
}

func TestDetailPaneScrollsADetailAndKeepsTheReadersPlace(t *testing.T) {
	e := kittest.New(t)
	p := kit.NewDetailPane(widget.NewLabel("pick one"))
	e.Window.SetContent(p.Content())
	l1, l2 := wire.EntityRef{Kind: kit.KindLoan, ID: "l1"}, wire.EntityRef{Kind: kit.KindLoan, ID: "l2"}
	// Each detail is read down to 400 before the next is shown: the same
	// loan shown again opens there, another loan at the top.
	for _, next := range []struct {
		record wire.EntityRef
		at     float32
	}{{l1, 0}, {l1, 400}, {l2, 0}} {
		detail := column(100)
		p.SetScrolledDetail(next.record, detail)
		s := p.Scroll()
		if p.Object() != s || s.Content != detail || s.Direction != fynecontainer.ScrollVerticalOnly {
			t.Fatalf("the pane shows %T, want the detail in a vertical scroll", p.Object())
		}
		if p.Record() != next.record || s.Offset.Y != next.at {
			t.Errorf("%v shown at %v, want %v at %v", p.Record(), s.Offset.Y, next.record, next.at)
		}
		kittest.ScrollDown(t, p.Content(), 400)
	}
}

func TestPlaceholderIsADimLineInTheMiddle(t *testing.T) {
	kittest.New(t)
	c, ok := kit.Placeholder("Pick a key on the left.").(*fyne.Container)
	if !ok || len(c.Objects) != 1 {
		t.Fatalf("placeholder %T", c)
	}
	l, ok := c.Objects[0].(*widget.Label)
	if !ok || l.Text != "Pick a key on the left." || l.Importance != widget.LowImportance {
		t.Fatalf("placeholder shows %#v", c.Objects[0])
	}
	c.Resize(fyne.NewSize(600, 400))
	if want := (600 - l.MinSize().Width) / 2; l.Position().X != want || l.Position().Y <= 0 {
		t.Errorf("the line is at %v, want x %v and below the top", l.Position(), want)
	}
}

func TestDetailPaneIsStaleWhenItsRecordOrWhatItReadsChanged(t *testing.T) {
	shown := wire.EntityRef{Kind: kit.KindKey, ID: "F3-MASTER"}
	tests := []struct {
		name    string
		changed []wire.EntityRef
		want    bool
	}{
		{"everything", nil, true},
		{"the record", []wire.EntityRef{{Kind: kit.KindLoan, ID: "l1"}, shown}, true},
		{"a kind it reads", []wire.EntityRef{{Kind: kit.KindStaff, ID: "A01"}}, true},
		{"another record", []wire.EntityRef{{Kind: kit.KindKey, ID: "F3-SEC-A"}}, false},
		{"same ID, other kind", []wire.EntityRef{{Kind: kit.KindLoan, ID: "F3-MASTER"}}, false},
		{"nothing", []wire.EntityRef{}, false},
	}
	kittest.New(t)
	p := kit.NewDetailPane(widget.NewLabel("pick one"))
	s := lines(3)
	p.SetDetail(shown, s, s)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Stale(tt.changed, kit.KindStaff); got != tt.want {
				t.Errorf("Stale(%v) = %v, want %v", tt.changed, got, tt.want)
			}
		})
	}
	p.Set(widget.NewEntry())
	if p.Stale(nil, kit.KindStaff) || p.Record() != (wire.EntityRef{}) {
		t.Error("a form is stale")
	}
}

func TestIDListKeepsSelectionAndScrollWhenRowsMove(t *testing.T) {
	e := kittest.New(t)
	var picked []string
	l := kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() },
		func(id string, o fyne.CanvasObject) { o.(*kit.Row).Set("Room "+id, "", "", widget.MediumImportance) })
	l.OnSelectedID(func(id string) { picked = append(picked, id) })
	e.Window.SetContent(l.List)
	var ids []string
	for i := range 100 {
		ids = append(ids, fmt.Sprintf("%04d", 1001+i))
	}
	l.SetIDs(ids)
	l.SelectID("1050")
	l.List.ScrollToOffset(1200)
	offset := l.List.GetScrollOffset()
	l.SetIDs(append([]string{"0999"}, ids...)) // a new row on top: 1050 moves down one
	if l.Selected() != "1050" || len(picked) != 1 {
		t.Fatalf("selected %q, picked %v", l.Selected(), picked)
	}
	if got := l.List.GetScrollOffset(); got != offset {
		t.Errorf("scrolled to %v, want %v", got, offset)
	}
	l.List.Select(49) // the row 1050 was on, now 1049
	if l.Selected() != "1049" || picked[len(picked)-1] != "1049" {
		t.Errorf("tapping the row above the selection picked %v", picked)
	}
	l.List.UnselectAll()
	l.SetIDs(ids)
	if l.Selected() != "" {
		t.Errorf("a selection the list dropped came back: %q", l.Selected())
	}
}

func TestDetailPaneRebuildsALiveViewAtTheReadersPlace(t *testing.T) {
	tests := []struct {
		name    string
		changed []wire.EntityRef
		lines   int     // of the view built again
		want    float32 // its offset; -1: clamped to the end
	}{
		{"everything", nil, 100, 400},
		{"a kind it reads", []wire.EntityRef{{Kind: kit.KindStaff, ID: "A01"}, {Kind: kit.KindLoan, ID: "l1"}}, 100, 400},
		{"its other kind", []wire.EntityRef{{Kind: kit.KindItemType, ID: "iron"}}, 100, 400},
		{"shorter", nil, 28, -1},
		{"too short to scroll", nil, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := kittest.New(t)
			p := kit.NewDetailPane(widget.NewLabel("pick one"))
			e.Window.SetContent(p.Content())
			n := 100
			p.SetView(func() (fyne.CanvasObject, *fynecontainer.Scroll) { s := lines(n); return s, s }, kit.KindLoan, kit.KindItemType)
			kittest.ScrollDown(t, p.Content(), 400)
			n = tt.lines
			if !p.RefreshView(tt.changed) {
				t.Fatal("the view was not built again")
			}
			next := p.Scroll()
			want := tt.want
			if want < 0 {
				want = next.Content.Size().Height - next.Size().Height
				if want <= 0 || want >= 400 {
					t.Fatalf("the shorter content ends at %v: not a clamp", want)
				}
			}
			if p.Object() != next || next.Offset.Y != want || p.Record() != (wire.EntityRef{}) {
				t.Errorf("offset %v, want %v", next.Offset.Y, want)
			}
		})
	}
}

func TestDetailPaneLeavesALiveViewThatReadsNothingChanged(t *testing.T) {
	for _, changed := range [][]wire.EntityRef{{{Kind: kit.KindStaff, ID: "A01"}}, {}} {
		e := kittest.New(t)
		p := kit.NewDetailPane(widget.NewLabel("pick one"))
		e.Window.SetContent(p.Content())
		p.SetView(func() (fyne.CanvasObject, *fynecontainer.Scroll) { s := lines(100); return s, s }, kit.KindLoan)
		before := p.Object()
		kittest.ScrollDown(t, p.Content(), 400)
		if p.RefreshView(changed) || p.Stale(changed) {
			t.Errorf("%v: the view was built again", changed)
		}
		kittest.StillShows(t, p, before, 400)
	}
}

func TestDetailPaneRebuildsOnlyTheFiguresOfAViewWithInputs(t *testing.T) {
	e := kittest.New(t)
	p := kit.NewDetailPane(widget.NewLabel("pick one"))
	e.Window.SetContent(p.Content())
	period := widget.NewEntry()
	figures := fynecontainer.NewStack()
	view := fynecontainer.NewBorder(period, nil, nil, nil, figures)
	builds := 0
	p.SetView(func() (fyne.CanvasObject, *fynecontainer.Scroll) {
		builds++
		s := lines(100 + builds)
		figures.Objects = []fyne.CanvasObject{s}
		figures.Refresh()
		return view, s
	}, kit.KindKey)
	period.SetText("last 7 days")
	kittest.ScrollDown(t, p.Scroll(), 400)
	p.RefreshView([]wire.EntityRef{{Kind: kit.KindKey, ID: "F3-MASTER"}})
	kittest.ShowsAt(t, p, "line 102", 400)
	if p.Object() != view || period.Text != "last 7 days" {
		t.Errorf("the inputs were built again: %q", period.Text)
	}
}

func TestDetailPaneEndsTheLiveViewForAFormOrADetail(t *testing.T) {
	e := kittest.New(t)
	p := kit.NewDetailPane(widget.NewLabel("pick one"))
	e.Window.SetContent(p.Content())
	builds := 0
	view := func() (fyne.CanvasObject, *fynecontainer.Scroll) { builds++; s := lines(100); return s, s }
	form := widget.NewEntry()
	detail := lines(100)
	for _, show := range []func(){
		func() { p.Set(form) },
		func() { p.SetDetail(wire.EntityRef{Kind: kit.KindLoan, ID: "l1"}, detail, detail) },
	} {
		p.SetView(view, kit.KindLoan)
		kittest.ScrollDown(t, p.Content(), 400)
		show()
		shown := p.Object()
		if p.RefreshView(nil) || p.Object() != shown {
			t.Error("a live view was built again over what replaced it")
		}
		p.SetView(view, kit.KindLoan)
		if p.Scroll().Offset.Y != 0 {
			t.Errorf("a view shown anew opens at %v", p.Scroll().Offset.Y)
		}
	}
	if builds != 4 {
		t.Errorf("built %d times, want 4", builds)
	}
}
