// Package guests is the in-house guests screen (在住客人): the guest list
// as the PMS exported it, searched by name (Chinese, pinyin or its
// initials) or room, a guest's room with what it has to settle before
// check-out, the import of the list with its preview, and the
// dashboard's "Departures today".
package guests

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appguests "floordesk/app/guests"
	"floordesk/app/personal"
	"floordesk/ui/kit"
)

// Register is the guest list as the desk's window shows it: its screen
// and its part of the dashboard; it adds nothing to a handover.
func Register(s *kit.Session, svc Service, c Collect) kit.Register {
	return kit.Register{Name: appguests.ModuleName, Screen: New(s, svc, c), Dashboard: Dashboard(s, svc, c)}
}

// row is one guest as the screen lists them: ID is the room and the
// guest's place among its guests ("0801/2").
type row struct {
	ID string
	appguests.Guest
}

// Screen is the guests screen: a kit.ListScreen of the in-house guests.
// Its methods run on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[row]
	s       *kit.Session
	svc     Service
	collect Collect
	imp     *importer
}

// New returns the guests screen of session s.
func New(s *kit.Session, svc Service, c Collect) kit.Screen {
	sc := &Screen{s: s, svc: svc, collect: c}
	sc.imp = &importer{s: s, svc: svc}
	sc.imp.label()
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.config())
	sc.Refresh(nil)
	return sc
}

func (sc *Screen) look() kit.ListLook {
	pick := widget.NewButtonWithIcon(lang.L("guests.import"), theme.FolderOpenIcon(), sc.imp.pickFile)
	showFor(sc.s, pick) // a supervisor imports the list
	sc.s.OnUserChange(func() { sc.s.Do(func() { showFor(sc.s, pick) }) })
	tools := container.NewVBox(container.NewHBox(pick), sc.imp.errs)
	return kit.ListLook{Screen: "guests", Title: "guests.title", Icon: theme.HomeIcon,
		Search: "guests.search", Pick: "guests.pick", Count: "guests.count", Tools: tools}
}

func (sc *Screen) config() kit.ListConfig[row] {
	return kit.ListConfig[row]{
		Kind: appguests.KindGuests, Reads: []string{kit.KindLoan, kit.KindRequest, kit.KindFound},
		ID:  func(r row) string { return r.ID },
		All: sc.rows,
		Words: func(r row) []string {
			return []string{r.Name, r.Room}
		},
		Filters: []kit.Filter[row]{{Name: "guests.filter_all"}, {Name: "guests.filter_departing",
			Keep: func(r row, _ string, now time.Time) bool { return r.Departure == appguests.Day(now, sc.s.Location()) }}},
		Compare: func(a, b row) int { return cmp.Or(cmp.Compare(a.Departure, b.Departure), cmp.Compare(a.ID, b.ID)) },
		Row:     sc.fillRow,
		Detail:  func(r row) (fyne.CanvasObject, *container.Scroll) { return sc.detail(r), nil },
	}
}

// rows reads the list: every guest, IDs by room.
func (sc *Screen) rows() ([]row, error) {
	l, err := sc.svc.Guests()
	n := map[string]int{}
	out := make([]row, len(l.Guests))
	for i, g := range l.Guests {
		n[g.Room]++
		out[i] = row{ID: g.Room + "/" + strconv.Itoa(n[g.Room]), Guest: g}
	}
	return out, err
}

func (sc *Screen) fillRow(r row, w *kit.Row) {
	note, imp := "", widget.MediumImportance
	if r.Departure == appguests.Day(sc.s.Now(), sc.s.Location()) {
		note, imp = lang.L("guests.departs_today"), widget.WarningImportance
	}
	w.Set(kit.RoomTitle(r.Room, kit.GuestName(guestName(r.Guest))), stay(r.Guest), note, imp)
}

// stay is a guest's dates: "3/1 – 3/3".
func stay(g appguests.Guest) string {
	return lang.L("guests.stay", map[string]string{"Arrival": g.Arrival, "Departure": g.Departure})
}

// Show opens a room's first guest for kind guests and the room's number.
func (sc *Screen) Show(kind, id string) bool {
	if kind != appguests.KindGuests {
		return false
	}
	for r := range sc.Records() {
		if r.ID == id || r.ID == id+"/1" {
			return sc.ShowDetail(r.ID)
		}
	}
	return false
}

// detail is a guest's room: its guests' stay and what it has to settle,
// each record a button that opens it.
func (sc *Screen) detail(r row) fyne.CanvasObject {
	box := container.NewVBox(kit.Heading(kit.RoomTitle(r.Room, kit.Personal(guestName(r.Guest), personal.State{}))), widget.NewLabel(stay(r.Guest)))
	c, err := readCollect(sc.collect, []string{r.Room}, map[string]string{r.Room: r.Arrival})
	if err != nil {
		box.Add(widget.NewLabel(kit.Say(err)))
		return box
	}
	var lines []kit.DashLine
	if c[r.Room] != nil {
		lines = slices.Clone(c[r.Room].lines)
	}
	if len(lines) == 0 {
		box.Add(widget.NewLabel(lang.L("guests.nothing_to_collect")))
	}
	for _, ln := range lines {
		b := kit.Reading(widget.NewButton(kit.JoinParts([]string{ln.Detail, ln.Title}), func() { sc.s.Open(ln.Kind, ln.ID) }))
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	return box
}

// showFor shows the import to a supervisor only: the command refuses
// anyone else.
func showFor(s *kit.Session, b *widget.Button) {
	if s.IsSupervisor() {
		b.Show()
	} else {
		b.Hide()
	}
}
