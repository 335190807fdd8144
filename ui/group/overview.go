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

// Copy is what the overview keeps of a property's copy besides its
// counts; *group.Property implements it.
type Copy interface {
	// Synced tells whether the copy has taken the property's events from
	// the server at least once; until then it cannot be opened.
	Synced() bool
	// LastReceived is when the copy last received an event from the
	// server (zero: never), and Received keeps that time.
	LastReceived() time.Time
	Received(at time.Time)
}

// Property is one property as the overview shows it: its name, the
// service reading its copy, the copy's change feed, its sync client (nil:
// none yet) and what is kept of the copy (nil: synced, nothing received).
type Property struct {
	Name string
	Svc  *app.Service
	Feed Feed
	Sync Sync
	Copy Copy
}

// Overview is the group supervisor's first screen: one row a property.
// Build it and call its methods on the Fyne goroutine, except Stop.
type Overview struct {
	s       *kit.Session // the window's
	rows    []*row
	content fyne.CanvasObject
	newCode *widget.Button // enter a new group code (OnNewCode); hidden without
	// codeForm is the new-code form last shown, for tests.
	codeForm *newCodeForm
	stop     chan struct{}
	done     chan struct{}
}

// row is one property's line: the viewer's session on its copy and the
// dashboard parts as last read.
type row struct {
	p       Property
	viewer  *kit.Session
	sources []*kit.DashSource
	views   Views
	failed  bool
	synced  bool      // the copy has taken the property's events once: Open opens
	last    time.Time // when the copy last received an event; zero: never
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
// every desk of the property. w and do are the window's. It is the
// active session from then on (guests' names masked for a reader).
func Viewer(svc *app.Service, desk string, w fyne.Window, do func(func()), clock func() time.Time) *kit.Session {
	s := kit.NewSession(svc, nil, w)
	s.Do, s.Clock, s.EveryDesk = do, clock, true
	s.SignIn(app.Staff{ID: "group:" + desk, Name: desk, Role: app.RoleGroupViewer})
	return s
}

func newRow(s *kit.Session, desk string, p Property) *row {
	r := &row{p: p, viewer: Viewer(p.Svc, desk, s.Window, s.Do, s.Clock), state: widget.NewLabel("")}
	r.state.Wrapping = fyne.TextWrapWord
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
	head := container.New(&rowLayout{})
	for i, key := range columns {
		h := widget.NewLabel("")
		if key != "" {
			h.SetText(lang.L(key))
		}
		if i >= 1 && i <= 4 { // the counts'
			h.Alignment = fyne.TextAlignCenter
		}
		h.TextStyle.Bold = true
		h.Wrapping = fyne.TextWrapWord
		head.Add(h)
	}
	rows := container.NewVBox(head, widget.NewSeparator())
	for _, r := range o.rows {
		name := widget.NewLabel(r.p.Name)
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		line := container.New(&rowLayout{}, name)
		for _, c := range r.counts {
			line.Add(c)
		}
		r.open = widget.NewButtonWithIcon(lang.L("group.open"), theme.FolderOpenIcon(), func() { open(r.p.Name) })
		line.Add(r.state)
		line.Add(container.NewVBox(r.open))
		r.showOpen()
		rows.Add(line)
	}
	intro := kit.Note(lang.L("group.intro"))
	o.newCode = widget.NewButtonWithIcon(lang.L("group.new_code"), theme.LoginIcon(), nil)
	o.newCode.Hide()
	title := container.NewBorder(nil, nil, nil, o.newCode, kit.Heading(lang.L("group.title")))
	return container.NewBorder(container.NewVBox(title, intro), nil, nil, nil, container.NewVScroll(rows))
}

// shares are the columns' shares of the width: the property, the four
// counts, the sync state (words that may take two lines) and Open.
var shares = []float32{0.14, 0.1, 0.1, 0.1, 0.1, 0.32, 0.14}

// rowLayout puts a row's objects side by side, each in its column's share
// of the width, at its own height; the row is as tall as its tallest. It
// keeps the width it last laid out, so that its height counts the lines a
// wrapped label takes at that width.
type rowLayout struct{ width float32 }

func (l *rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	var x float32
	for i, o := range objs {
		w := size.Width * shares[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		x += w
	}
}

func (l *rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		if l.width > 0 { // a wrapped label's height is that at its width
			o.Resize(fyne.NewSize(l.width*shares[i], o.Size().Height))
		}
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// Refresh reads every property's counts again and shows them, with each
// one's sync state.
func (o *Overview) Refresh() {
	for _, r := range o.rows {
		r.load()
		r.show(o.s.Now())
	}
	o.content.Refresh() // the rows' heights follow the words now shown
}

// load reads the property's dashboard parts from its copy, and what is
// kept of the copy.
func (r *row) load() {
	vs, err := Load(r.sources)
	r.views, r.failed = vs, err != nil
	r.synced, r.last = r.copyState()
}

// copyState reads whether the copy has synced and when it last received
// an event. It only reads, from any goroutine.
func (r *row) copyState() (synced bool, last time.Time) {
	if r.p.Copy == nil {
		return true, time.Time{}
	}
	return r.p.Copy.Synced(), r.p.Copy.LastReceived()
}

// showOpen enables Open once the copy has synced; before, the button
// says the copy is still arriving.
func (r *row) showOpen() {
	if r.open == nil {
		return
	}
	if r.synced {
		r.open.SetText(lang.L("group.open"))
		r.open.Enable()
		return
	}
	r.open.SetText(lang.L("group.arriving"))
	r.open.Disable()
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
	r.showState(now)
}

// showState shows the sync state and whether Open opens.
func (r *row) showState(now time.Time) {
	r.state.SetText(r.syncText(now))
	r.showOpen()
}

// syncText says how fresh the property's copy is: online, when it last
// received an event from the server; offline, since when and why.
func (r *row) syncText(now time.Time) string {
	if r.failed {
		return lang.L("group.read_failed")
	}
	if r.p.Sync == nil {
		return lang.L("group.never")
	}
	st := r.p.Sync.Status()
	if st.Online {
		if r.last.IsZero() {
			return lang.L("group.online_no_event")
		}
		return lang.L("group.online", map[string]string{"Time": kit.When(r.last, now)})
	}
	if st.Problem == data.ProblemNone { // not answered yet, nothing went wrong
		return lang.L("group.connecting")
	}
	why := lang.L("group.why." + whyKey(st.Problem))
	if st.LastSync.IsZero() {
		return lang.L("group.offline_never", map[string]string{"Why": why})
	}
	return lang.L("group.offline", map[string]string{"Time": kit.When(st.LastSync, now), "Why": why})
}

// whyKey names, under group.why., why a copy cannot sync: the problems a
// pull meets, the rest as "other" (retried).
func whyKey(p data.SyncProblem) string {
	switch p {
	case data.ProblemUnreachable:
		return "unreachable"
	case data.ProblemRefused:
		return "refused"
	case data.ProblemUpdateNeeded:
		return "update_needed"
	case data.ProblemDiskFull:
		return "disk_full"
	case data.ProblemServer, data.ProblemServerDiskFull:
		return "server"
	}
	return "other"
}
