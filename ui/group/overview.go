package group

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
)

// Feed is a property copy's change feed; *data.Store implements it.
type Feed interface {
	Subscribe() *data.Subscription
}

// Sync is a property copy's sync client; *data.SyncClient implements it.
type Sync interface {
	Status() data.SyncStatus
	Watch() (<-chan struct{}, func())
}

// Property is one property as the overview shows it: its name, the
// service reading its copy, the copy's change feed and its sync client
// (nil: none yet).
type Property struct {
	Name string
	Svc  *app.Service
	Feed Feed
	Sync Sync
}

// Overview is the group supervisor's first screen: one row a property.
// Build it and call its methods on the Fyne goroutine, except Stop.
type Overview struct {
	s       *kit.Session // the window's
	rows    []*row
	content fyne.CanvasObject
	stop    chan struct{}
	done    chan struct{}
}

// row is one property's line: the viewer's session on its copy and the
// dashboard parts as last read.
type row struct {
	p       Property
	viewer  *kit.Session
	sources []*kit.DashSource
	views   Views
	failed  bool
	counts  [4]*widget.Label
	state   *widget.Label
	open    *widget.Button
}

// New makes the overview of props for the group desk named desk; open
// opens a property read-only (the register screens on its copy).
func New(s *kit.Session, desk string, props []Property, open func(name string)) *Overview {
	o := &Overview{s: s, stop: make(chan struct{}), done: make(chan struct{})}
	for _, p := range props {
		o.rows = append(o.rows, newRow(s, desk, p))
	}
	o.content = o.layout(open)
	return o
}

// Viewer is the session through which a group desk reads a property's
// copy: the group viewer signed in (no command authorizes it), counting
// every desk of the property. w and do are the window's.
func Viewer(svc *app.Service, desk string, w fyne.Window, do func(func()), clock func() time.Time) *kit.Session {
	s := &kit.Session{Svc: svc, Window: w, Do: do, Clock: clock, EveryDesk: true}
	s.SignIn(app.Staff{ID: "group:" + desk, Name: desk, Role: app.RoleGroupViewer})
	return s
}

func newRow(s *kit.Session, desk string, p Property) *row {
	r := &row{p: p, viewer: Viewer(p.Svc, desk, s.Window, s.Do, s.Clock), state: widget.NewLabel("")}
	r.sources = Sources(r.viewer, p.Svc)
	for i := range r.counts {
		r.counts[i] = widget.NewLabel("…")
		r.counts[i].Alignment = fyne.TextAlignCenter
	}
	return r
}

// Content is the overview's canvas object.
func (o *Overview) Content() fyne.CanvasObject { return o.content }

var columns = []string{"group.property", "group.late_requests", "group.keys_overdue",
	"group.loans_overdue", "group.found_past_holding", "group.sync", ""}

func (o *Overview) layout(open func(string)) fyne.CanvasObject {
	grid := container.NewGridWithColumns(len(columns))
	for i, key := range columns {
		h := widget.NewLabel("")
		if key != "" {
			h.SetText(lang.L(key))
		}
		if i >= 1 && i <= 4 { // the counts'
			h.Alignment = fyne.TextAlignCenter
		}
		h.TextStyle.Bold = true
		grid.Add(h)
	}
	for _, r := range o.rows {
		name := widget.NewLabel(r.p.Name)
		name.TextStyle.Bold = true
		grid.Add(name)
		for _, c := range r.counts {
			grid.Add(c)
		}
		grid.Add(r.state)
		r.open = widget.NewButtonWithIcon(lang.L("group.open"), theme.FolderOpenIcon(), func() { open(r.p.Name) })
		grid.Add(r.open)
	}
	intro := kit.Note(lang.L("group.intro"))
	return container.NewBorder(container.NewVBox(kit.Heading(lang.L("group.title")), intro), nil, nil, nil,
		container.NewVScroll(container.NewVBox(grid)))
}

// Refresh reads every property's counts again and shows them, with each
// one's sync state.
func (o *Overview) Refresh() {
	for _, r := range o.rows {
		r.load()
		r.show(o.s.Now())
	}
}

// load reads the property's dashboard parts from its copy.
func (r *row) load() {
	vs, err := Load(r.sources)
	r.views, r.failed = vs, err != nil
}

// show puts the counts at now and the sync state in the row's labels.
func (r *row) show(now time.Time) {
	c := r.views.At(now)
	for i, n := range []int{c.LateRequests, c.KeysOverdue, c.LoansOverdue, c.FoundPastHolding} {
		r.counts[i].SetText(strconv.Itoa(n))
		r.counts[i].Importance = widget.MediumImportance
		if n > 0 {
			r.counts[i].Importance = widget.DangerImportance
		}
		r.counts[i].Refresh()
	}
	r.state.SetText(r.syncText())
}

// syncText says whether the property's copy is up to date.
func (r *row) syncText() string {
	if r.failed {
		return lang.L("group.read_failed")
	}
	if r.p.Sync == nil {
		return lang.L("group.never")
	}
	st := r.p.Sync.Status()
	switch {
	case st.Online:
		return lang.L("group.online", map[string]string{"Time": kit.Clock(st.LastSync.Local())})
	case st.LastSync.IsZero():
		return lang.L("group.offline_never")
	}
	return lang.L("group.offline", map[string]string{"Time": kit.Clock(st.LastSync.Local())})
}
