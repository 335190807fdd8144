package kit

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data/wire"
)

// ListLook is how a ListScreen looks and the shortcuts it offers. Its
// texts are translation keys.
type ListLook struct {
	// Screen, Title and Icon are the ScreenBase's ID, title key and icon
	// (see NewScreenBase); a list that is only part of a screen (a tab)
	// leaves them empty.
	Screen, Title string
	Icon          func() fyne.Resource
	// Search is the search entry's placeholder; "" for no search entry.
	Search string
	// Pick is what the pane says while no record is shown ("Pick a key");
	// "" leaves the pane empty.
	Pick string
	// Count counts the rows listed under the list's head, with the field
	// Count ("{{.Count}} items"); "" for no count.
	Count string
	// Tools stands above the search entry (the screen's actions), Below
	// under it (more menus); nil for none.
	Tools, Below fyne.CanvasObject
	// Shortcuts are the keyboard shortcuts the screen offers.
	Shortcuts []Shortcut
	// Split is the list's share of the screen's width; 0 for 0.42.
	Split float64
}

// ListConfig says what a ListScreen lists, records of type T of one kind,
// and how it shows them.
type ListConfig[T any] struct {
	// Kind is the kind of the records listed. Reads are the other kinds
	// that rows or details show (KindStaff for names): a change of one
	// calls Names and rebuilds the detail shown.
	Kind  string
	Reads []string
	// ID is a record's ID.
	ID func(x T) string
	// All reads the records to list, on a full refresh; they replace the
	// records held.
	All func() ([]T, error)
	// One reads one record: to show it, and again after it changed. nil:
	// a change of Kind or Reads reads All again.
	One func(id string) (T, error)
	// Names, when set, reads again what rows show besides records (staff
	// and item names), before All on a full refresh and after a change of
	// Reads.
	Names func()
	// Words are what the search finds a record by; nil for none.
	Words func(x T) []string
	// Filters are the choices of the filter menu, the first one picked at
	// start; none for no menu.
	Filters []Filter[T]
	// Compare orders the rows; nil keeps the order All read them in.
	Compare func(a, b T) int
	// Row fills a list row with x.
	Row func(x T, r *Row)
	// Detail is x's detail for the pane: the view and the scroll in it
	// that holds the record's content (nil: the pane puts the view in a
	// vertical scroll). A nil view says x cannot be shown; a nil Detail
	// shows none (a list whose Pick opens a form).
	Detail func(x T) (view fyne.CanvasObject, scroll *container.Scroll)
	// Pick is what picking a row does; nil shows the record's Detail.
	Pick func(id string)
	// Act is the record's main action, the form the desk most often wants
	// for it (a key's sign-out or sign-in, a loan's return, a found item's
	// claim): Enter in the search runs it when the search lists only the
	// record and the pane shows it already. nil for none.
	Act func(x T)
	// Export names the list's export, a translation key: the sheet and
	// the file's name ("借用登记-2026-12-06.xlsx"). With Columns, the list
	// has an Export button that saves what it lists (Listed) as XLSX or
	// CSV; "" for none.
	Export  string
	Columns []Column[T]
}

// Filter is one choice of a ListScreen's filter menu.
type Filter[T any] struct {
	// Name is the choice's translation key.
	Name string
	// Keep tells whether x is listed, given the search text (trimmed) and
	// the time; nil lists every record.
	Keep func(x T, query string, now time.Time) bool
	// More, when set, reads the records the choice lists that All does
	// not (the returned loans of the room searched for); those not held
	// yet join the records held. It runs when the search text is not
	// empty, once for each choice and search text, and again after a full
	// refresh.
	More func(query string) []T
	// Search, when set, answers the choice from the store instead of from
	// the records held (the history, which the screen does not hold): the
	// records the search text finds in the period picked beside it (the
	// list shows a period menu while such a choice is picked), every
	// record for no text, in the order to list them, at most a page, and
	// whether more match past them. The list shows what it answers, Keep
	// and Compare aside, and its count says when there are more. It runs
	// when the choice, the search text or the period changes and after a
	// change of Kind, never on a tick.
	Search func(q HistoryQuery) (xs []T, more bool, err error)
}

// ListScreen is the screen of a register: on the left the records it
// holds, searched and filtered, with the screen's actions above them; on
// the right a DetailPane with the picked record's detail, a live view or
// a form. It keeps the records current from the store's changes, keeps a
// row selected on its record and the reader's place in a detail across
// refreshes, never replaces a form, and moves rows and detail with the
// clock. It is a whole Screen: a register's Screen embeds a *ListScreen
// and adds its forms and views; a supervisor tab uses one as its content.
// Use it on the Fyne goroutine.
type ListScreen[T any] struct {
	ScreenBase
	s       *Session
	look    ListLook
	c       ListConfig[T]
	records map[string]T
	index   *Index
	search  *widget.Entry  // nil without ListLook.Search
	export  *widget.Button // nil without ListConfig.Export
	filter  *widget.Select // nil without Filters
	period  *widget.Select // nil without a Filter with Search
	periods fyne.CanvasObject
	count   *widget.Label // nil without ListLook.Count
	list    *IDList
	pane    *DetailPane
	shown   string // the record shown last, to go back to from a form
	asked   string // the choice and search text More last ran for
	page    page[T]
}

// page is what a choice's Search answered last; asked is "" when there is
// none, or it is out of date.
type page[T any] struct {
	asked string
	ids   []string
	more  bool
	recs  map[string]T
}

var (
	_ Screen   = (*ListScreen[int])(nil)
	_ Ticker   = (*ListScreen[int])(nil)
	_ Searcher = (*ListScreen[int])(nil)
	_ Actor    = (*ListScreen[int])(nil)
	_ Escaper  = (*ListScreen[int])(nil)
)

// NewListScreen returns an empty list screen of session s that looks as
// look says and lists what c says; Refresh(nil) fills it.
func NewListScreen[T any](s *Session, look ListLook, c ListConfig[T]) *ListScreen[T] {
	l := &ListScreen[T]{s: s, look: look, c: c, records: map[string]T{}, index: NewIndex()}
	l.list = NewIDList(func() fyne.CanvasObject { return NewRow() }, l.fillRow)
	l.list.OnSelectedID(l.pick)
	l.pane = NewDetailPane(l.placeholder())
	l.pane.ReadOnlyFor(s)
	l.search, l.filter, l.count = l.newSearch(), l.newFilter(), l.newCount()
	if slices.ContainsFunc(c.Filters, func(f Filter[T]) bool { return f.Search != nil }) {
		l.period = NewPeriodMenu(l.apply)
		l.periods = wideEnough(l.period)
		l.periods.Hide()
	}
	if c.Export != "" {
		l.export = ExportButton(l.AskExport)
	}
	l.ScreenBase = NewScreenBase(look.Screen, look.Title, look.Icon, l.layout())
	return l
}

func (l *ListScreen[T]) newSearch() *widget.Entry {
	if l.look.Search == "" {
		return nil
	}
	e := widget.NewEntry()
	e.SetPlaceHolder(lang.L(l.look.Search))
	e.OnChanged = func(string) { l.apply() }
	e.OnSubmitted = func(string) { l.enter() }
	return e
}

// enter is Enter in the search: when the search lists one record, the
// first Enter opens it, the next runs its main action (Act). A scanned tag
// ends with Enter, so a scan opens the record, and one key more starts its
// form.
func (l *ListScreen[T]) enter() {
	ids := l.list.IDs()
	if len(ids) != 1 {
		return
	}
	id := ids[0]
	if r := l.pane.Record(); r.Kind != l.c.Kind || r.ID != id {
		l.Open(id)
		return
	}
	l.Act()
}

// Escape cancels the form the pane shows, and reports whether there was
// one.
func (l *ListScreen[T]) Escape() bool { return l.pane.Escape() }

// Act runs the main action (ListConfig.Act) of the record whose detail the
// pane shows, and reports whether there was one to run; a read-only
// session has none.
func (l *ListScreen[T]) Act() bool {
	r := l.pane.Record()
	if r.Kind != l.c.Kind || l.c.Act == nil || l.s.ReadOnly() {
		return false
	}
	x, ok := l.Record(r.ID)
	if ok {
		l.c.Act(x)
	}
	return ok
}

func (l *ListScreen[T]) newFilter() *widget.Select {
	if len(l.c.Filters) == 0 {
		return nil
	}
	names := make([]string, len(l.c.Filters))
	for i, f := range l.c.Filters {
		names[i] = lang.L(f.Name)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	sel.OnChanged = func(string) { l.apply() }
	return sel
}

func (l *ListScreen[T]) newCount() *widget.Label {
	if l.look.Count == "" {
		return nil
	}
	c := widget.NewLabel("")
	c.Importance = widget.LowImportance
	return c
}

// layout puts the head (tools, search and filter, more menus, count) and
// the list on the left, the pane on the right.
func (l *ListScreen[T]) layout() fyne.CanvasObject {
	tools, row := l.look.Tools, l.searchRow()
	exportInTools := l.export != nil && row == nil && l.count == nil && tools != nil
	if exportInTools { // a list with no search and no count: the button ends the tools' row
		tools = container.NewBorder(nil, nil, nil, l.export, tools)
	}
	head := container.NewVBox()
	for _, o := range []fyne.CanvasObject{tools, row, l.look.Below} {
		if o != nil {
			head.Add(o)
		}
	}
	switch {
	case l.export != nil && row == nil && l.count != nil:
		head.Add(container.NewBorder(nil, nil, nil, l.export, l.count))
	case l.export != nil && row == nil && !exportInTools:
		head.Add(container.NewBorder(nil, nil, nil, l.export))
	case l.count != nil:
		head.Add(l.count)
	}
	split := container.NewHSplit(container.NewBorder(head, nil, nil, nil, l.list.List), l.pane.Content())
	split.Offset = cmp.Or(l.look.Split, 0.42)
	return split
}

// searchRow is the search entry with the filter menu and the Export
// button at its end, or those of them the list has, or nil without a
// search or a filter.
func (l *ListScreen[T]) searchRow() fyne.CanvasObject {
	var end []fyne.CanvasObject
	if l.filter != nil {
		end = append(end, wideEnough(l.filter))
	}
	if l.periods != nil {
		end = append(end, l.periods)
	}
	if l.export != nil {
		end = append(end, l.export)
	}
	switch {
	case l.search != nil && len(end) > 0:
		return container.NewBorder(nil, nil, nil, container.NewHBox(end...), l.search)
	case l.search != nil:
		return l.search
	case l.filter != nil && l.export != nil:
		return container.NewBorder(nil, nil, nil, l.export, l.filter)
	case l.filter != nil:
		return l.filter
	}
	return nil
}

func (l *ListScreen[T]) placeholder() fyne.CanvasObject {
	if l.look.Pick == "" {
		return Placeholder("")
	}
	return Placeholder(lang.L(l.look.Pick))
}

// SearchEntry is the search entry the shell focuses, or nil without one.
func (l *ListScreen[T]) SearchEntry() fyne.Focusable {
	if l.search == nil {
		return nil
	}
	return l.search
}

// Shortcuts are the shortcuts of ListLook.
func (l *ListScreen[T]) Shortcuts() []Shortcut { return l.look.Shortcuts }

// Search is the search entry, or nil without one.
func (l *ListScreen[T]) Search() *widget.Entry { return l.search }

// Filter is the filter menu, or nil without one.
func (l *ListScreen[T]) Filter() *widget.Select { return l.filter }

// List is the list of the records shown.
func (l *ListScreen[T]) List() *IDList { return l.list }

// Pane is the pane beside the list. Show a form or a live view in it
// with its Set or SetView; a record's detail with ShowDetail.
func (l *ListScreen[T]) Pane() *DetailPane { return l.pane }

// Shown is the ID of the record whose detail was shown last, for a form
// to go back to, or "".
func (l *ListScreen[T]) Shown() string { return l.shown }

// Record is the record listed or held under id.
func (l *ListScreen[T]) Record(id string) (T, bool) {
	if x, ok := l.page.recs[id]; ok {
		return x, true
	}
	x, ok := l.records[id]
	return x, ok
}

// Records are the records held, listed or not, in no order.
func (l *ListScreen[T]) Records() iter.Seq[T] { return maps.Values(l.records) }

// Refresh reads again what changed (everything for nil) and lists it, and
// rebuilds what the pane shows when it read something that changed: see
// RefreshDetail.
func (l *ListScreen[T]) Refresh(changed []wire.EntityRef) {
	if l.load(changed) {
		l.apply()
	}
	l.RefreshDetail(changed)
}

// RefreshDetail rebuilds, at the reader's place, the record's detail
// shown when the record or a kind of Reads changed (anything, for nil),
// and the live view shown when a kind it reads changed. A form stays as
// it is.
func (l *ListScreen[T]) RefreshDetail(changed []wire.EntityRef) {
	if r := l.pane.Record(); r.Kind == l.c.Kind && l.pane.Stale(changed, l.c.Reads...) {
		l.ShowDetail(r.ID)
	}
	l.pane.RefreshView(changed)
}

// Tick moves the times shown with the clock: the rows, which of them the
// filter keeps, and the detail shown, built anew at the reader's place.
// It reads none of the records listed again; a form or a live view stays
// as it is.
func (l *ListScreen[T]) Tick() {
	l.apply()
	if r := l.pane.Record(); r.Kind == l.c.Kind {
		l.ShowDetail(r.ID)
	}
}

// Reload reads every record again (All) and lists them.
func (l *ListScreen[T]) Reload() {
	l.readAll()
	l.apply()
}

// Show opens a record of the list's kind: it reads it again, lists it
// when the filter keeps it, selects it and shows its detail. It reports
// false for another kind or a record that cannot be read.
func (l *ListScreen[T]) Show(kind, id string) bool {
	if kind != l.c.Kind || l.c.One == nil {
		return false
	}
	x, err := l.c.One(id)
	if err != nil {
		return false
	}
	l.Put(x)
	l.Open(id)
	return true
}

// Put holds x, which a command returned or the screen read, in place of
// the record it was, and lists it when the search and filter keep it.
func (l *ListScreen[T]) Put(x T) {
	l.hold(x)
	l.page = page[T]{}
	l.apply()
}

// Open selects the row of record id, when it is listed, and shows the
// record's detail.
func (l *ListScreen[T]) Open(id string) {
	l.list.SelectID(id)
	l.ShowDetail(id)
}

// ShowDetail shows the detail of record id in the pane, at the reader's
// place when the pane shows it already, and reports whether it could. A
// record not held is read (One). A record that cannot be shown leaves the
// pane saying what Pick says.
func (l *ListScreen[T]) ShowDetail(id string) bool {
	x, ok := l.find(id)
	if !ok || l.c.Detail == nil {
		return false
	}
	view, scroll := l.c.Detail(x)
	if view == nil {
		l.shown = ""
		l.pane.Set(l.placeholder())
		return false
	}
	if scroll == nil {
		scroll = container.NewVScroll(view)
		view = scroll
	}
	l.shown = id
	l.pane.SetDetail(wire.EntityRef{Kind: l.c.Kind, ID: id}, view, scroll)
	return true
}

// Back ends a form: it shows the detail of the record shown last and
// reports true, or shows what Pick says and reports false when there is
// none.
func (l *ListScreen[T]) Back() bool {
	if l.shown != "" && l.ShowDetail(l.shown) {
		return true
	}
	l.pane.Set(l.placeholder())
	return false
}

// Unpick forgets the record shown and unselects its row, for a view that
// stands for none of them (a stock table): Back then shows what Pick
// says.
func (l *ListScreen[T]) Unpick() {
	l.shown = ""
	l.list.List.UnselectAll()
}

func (l *ListScreen[T]) pick(id string) {
	if l.c.Pick != nil {
		l.c.Pick(id)
		return
	}
	l.ShowDetail(id)
}

// find is the record listed or held under id, or else the one One reads.
func (l *ListScreen[T]) find(id string) (T, bool) {
	if x, ok := l.Record(id); ok || l.c.One == nil {
		return x, ok
	}
	x, err := l.c.One(id)
	return x, err == nil
}

// load reads again what changed and reports whether the list may read
// differently.
func (l *ListScreen[T]) load(changed []wire.EntityRef) bool {
	if changed == nil || Changed(changed, l.c.Kind) {
		l.page = page[T]{}
	}
	if changed == nil {
		l.names()
		l.readAll()
		return true
	}
	if !Changed(changed, append([]string{l.c.Kind}, l.c.Reads...)...) {
		return false
	}
	if Changed(changed, l.c.Reads...) {
		l.names()
	}
	if l.c.One == nil {
		l.readAll()
		return true
	}
	for _, r := range changed {
		if r.Kind == l.c.Kind {
			l.readOne(r.ID)
		}
	}
	return true
}

func (l *ListScreen[T]) names() {
	if l.c.Names != nil {
		l.c.Names()
	}
}

// readAll replaces the records held with those All reads; when it fails,
// the user is told and the records stay.
func (l *ListScreen[T]) readAll() {
	xs, err := l.c.All()
	if err != nil {
		l.s.Notify(Say(err))
		return
	}
	l.records, l.index, l.asked = make(map[string]T, len(xs)), NewIndex(), ""
	l.hold(xs...)
}

// readOne reads record id again; a record that cannot be read stays as it
// was.
func (l *ListScreen[T]) readOne(id string) {
	if x, err := l.c.One(id); err == nil {
		l.hold(x)
	}
}

// hold keeps records and indexes them by their words.
func (l *ListScreen[T]) hold(xs ...T) {
	for _, x := range xs {
		id := l.c.ID(x)
		l.records[id] = x
		var words []string
		if l.c.Words != nil {
			words = l.c.Words(x)
		}
		l.index.Add(id, words...)
	}
}

// apply lists the records the search and the filter keep, in order.
func (l *ListScreen[T]) apply() {
	query, f := l.query(), l.choice()
	l.showPeriod(f.Search != nil)
	if f.Search != nil {
		l.showPage(f, l.historyQuery(query))
		return
	}
	l.page = page[T]{}
	if asked := f.Name + "\x00" + query; f.More != nil && query != "" && asked != l.asked {
		l.join(f.More(query))
		l.asked = asked
	}
	ids := l.kept(query, f.Keep)
	if l.c.Compare != nil {
		slices.SortFunc(ids, func(a, b string) int { return l.c.Compare(l.records[a], l.records[b]) })
	}
	l.list.SetIDs(ids)
	l.setCount(len(ids), "")
}

// showPeriod shows the period menu while a history choice is picked.
func (l *ListScreen[T]) showPeriod(show bool) {
	if l.periods == nil || show == l.periods.Visible() {
		return
	}
	if show {
		l.periods.Show()
	} else {
		l.periods.Hide()
	}
}

// historyQuery is query in the period picked, now in the hotel's zone.
func (l *ListScreen[T]) historyQuery(query string) HistoryQuery {
	q := HistoryQuery{Text: query}
	if l.period != nil {
		q.From, q.To = PeriodOf(l.period, l.s.Now().In(l.s.Location()))
	}
	return q
}

// Period is the period menu of the history choices, or nil without one.
func (l *ListScreen[T]) Period() *widget.Select { return l.period }

// PeriodShown tells whether the period menu shows (a history choice is
// picked).
func (l *ListScreen[T]) PeriodShown() bool { return l.periods != nil && l.periods.Visible() }

// showPage lists what f's Search answers for q, asking again only when
// the choice, the text or the period changed or the answer is out of
// date; its count says when more records match.
func (l *ListScreen[T]) showPage(f Filter[T], q HistoryQuery) {
	query := q.Text
	if asked := f.Name + "\x00" + query + "\x00" + q.From.String() + q.To.String(); asked != l.page.asked {
		xs, more, err := f.Search(q)
		if err != nil {
			l.s.Notify(Say(err))
		}
		l.page = page[T]{asked: asked, more: more, recs: make(map[string]T, len(xs))}
		for _, x := range xs {
			id := l.c.ID(x)
			l.page.ids = append(l.page.ids, id)
			l.page.recs[id] = x
		}
	}
	l.list.SetIDs(l.page.ids)
	switch {
	case !l.page.more:
		l.setCount(len(l.page.ids), "")
	case query == "":
		l.setCount(len(l.page.ids), "kit.latest")
	default:
		l.setCount(len(l.page.ids), "kit.latest_matches")
	}
}

// setCount shows n under the list's head, in the words of key, or of the
// look's Count for "".
func (l *ListScreen[T]) setCount(n int, key string) {
	if l.count == nil {
		return
	}
	l.count.SetText(Counted(cmp.Or(key, l.look.Count), n))
}

// kept are the IDs of the records matching query that keep keeps (every
// one for nil), in the order they were held.
func (l *ListScreen[T]) kept(query string, keep func(T, string, time.Time) bool) []string {
	now := l.s.Now()
	var ids []string
	for _, id := range l.index.Find(query) {
		if x, ok := l.records[id]; ok && (keep == nil || keep(x, query, now)) {
			ids = append(ids, id)
		}
	}
	return ids
}

// join holds those of xs not held yet.
func (l *ListScreen[T]) join(xs []T) {
	for _, x := range xs {
		if _, held := l.records[l.c.ID(x)]; !held {
			l.hold(x)
		}
	}
}

func (l *ListScreen[T]) query() string {
	if l.search == nil {
		return ""
	}
	return strings.TrimSpace(l.search.Text)
}

// choice is the filter picked, or a filter keeping all without a menu.
func (l *ListScreen[T]) choice() Filter[T] {
	if l.filter == nil {
		return Filter[T]{}
	}
	return l.c.Filters[max(0, l.filter.SelectedIndex())]
}

func (l *ListScreen[T]) fillRow(id string, o fyne.CanvasObject) {
	if x, ok := l.Record(id); ok {
		l.c.Row(x, o.(*Row))
	}
}

// maxFilterWidth caps a filter menu beside the search, so the search keeps
// room for what the attendant types.
const maxFilterWidth = 200

// wideEnough gives a filter menu room for its longest choice (up to
// maxFilterWidth): beside a search entry a Select shrinks to a few
// letters ("Awaiting cl…"), and the attendant cannot read which list
// is shown.
func wideEnough(sel *widget.Select) fyne.CanvasObject {
	w := sel.MinSize().Width
	for _, o := range sel.Options {
		text := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width
		w = max(w, text+theme.IconInlineSize()+6*theme.Padding())
	}
	size := fyne.NewSize(min(w, maxFilterWidth), sel.MinSize().Height)
	return container.New(layout.NewGridWrapLayout(size), sel)
}
