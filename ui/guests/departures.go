package guests

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	appguests "floordesk/app/guests"
	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// toCollect is what one room has to settle before its guests leave:
// its open loans, its open requests and the items found in it since its
// guests arrived and still held. Each is a record one click away.
type toCollect struct {
	lines []kit.DashLine
}

// readCollect reads what the rooms have to settle: their open loans
// from the loans' room index, the open requests and the held found items
// from their status indexes (what is open, not the history). since is
// each room's earliest arrival: a found item older than that is a former
// guest's.
func readCollect(c Collect, rooms []string, since map[string]string) (map[string]*toCollect, error) {
	out := make(map[string]*toCollect, len(rooms))
	at := func(room string) *toCollect {
		if out[room] == nil {
			out[room] = &toCollect{}
		}
		return out[room]
	}
	loans, err := c.Loans.OpenLoansForRooms(rooms)
	if err != nil {
		return nil, err
	}
	items := itemNames(c)
	for _, l := range loans {
		at(l.Room).lines = append(at(l.Room).lines, kit.DashLine{Kind: kit.KindLoan, ID: l.ID,
			Title: kit.RoomTitle(l.Room, loanItems(l, items)), Detail: lang.L("guests.collect_loan"),
			Importance: widget.WarningImportance})
	}
	reqs, err := c.Requests.OpenRequests("")
	if err != nil {
		return nil, err
	}
	for _, r := range reqs {
		if slices.Contains(rooms, r.Room) {
			at(r.Room).lines = append(at(r.Room).lines, kit.DashLine{Kind: kit.KindRequest, ID: r.ID,
				Title: kit.RoomTitle(r.Room, r.Description), Detail: lang.L("guests.collect_request")})
		}
	}
	found, err := c.Found.AwaitingClaim()
	if err != nil {
		return nil, err
	}
	for _, f := range found {
		if f.Room && slices.Contains(rooms, f.Place) && foundSince(f, since[f.Place]) {
			at(f.Place).lines = append(at(f.Place).lines, kit.DashLine{Kind: kit.KindFound, ID: f.Tag,
				Title: kit.RoomTitle(f.Place, f.Description), Detail: lang.L("guests.collect_found"),
				Importance: widget.WarningImportance})
		}
	}
	return out, nil
}

// foundSince says whether an item was found on or after the day the
// room's guests arrived ("" when the list does not say).
func foundSince(f appfound.FoundItem, arrival string) bool {
	return arrival == "" || f.FoundAt.Format(appguests.DateLayout) >= arrival
}

func itemNames(c Collect) map[string]string {
	types, _ := c.Loans.ItemTypes() // a name not read shows as its code
	names := make(map[string]string, len(types))
	for _, t := range types {
		names[t.Code] = t.Name
	}
	return names
}

// loanItems names what a loan still has out: "吹风机、熨斗".
func loanItems(l apploans.Loan, names map[string]string) string {
	var parts []string
	for i := range l.Lines {
		if l.Lines[i].Outstanding() > 0 {
			parts = append(parts, cmp.Or(names[l.Lines[i].Item], l.Lines[i].Item))
		}
	}
	return strings.Join(parts, "、")
}

// Dashboard is the guest list's part of the dashboard, "Departures
// today": each room whose guests leave today (the hotel's date), its
// guests (VIPs marked), then what to collect from it, each a line that
// opens its record. Load reads the list and what every in-house room
// leaving today or later has to settle; the view picks today's rooms at
// the moment it is asked, so at midnight the next day's departures show
// without a store read.
func Dashboard(s *kit.Session, svc Service, c Collect) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{tileDepartures},
		Kinds: []string{appguests.KindGuests, apploans.KindLoan, apprequests.KindRequest, appfound.KindFound, kit.KindItemType, kit.KindRooms},
		Load:  func() (kit.DashView, error) { return loadDash(s, svc, c) }}
}

const tileDepartures = "dash.tile_departures"

func loadDash(s *kit.Session, svc Service, c Collect) (kit.DashView, error) {
	loc := s.Location()
	list, err := svc.Guests()
	if err != nil {
		return nil, err
	}
	today := appguests.Day(s.Now(), loc)
	since := map[string]string{}
	for _, g := range list.Guests {
		if g.Departure >= today && (since[g.Room] == "" || g.Arrival < since[g.Room]) {
			since[g.Room] = g.Arrival
		}
	}
	rooms := make([]string, 0, len(since))
	for r := range since {
		rooms = append(rooms, r)
	}
	slices.Sort(rooms)
	collect, err := readCollect(c, rooms, since)
	guests := list.Guests
	return func(now time.Time) kit.DashPart { return departuresAt(guests, collect, appguests.Day(now, loc)) }, err
}

// departuresAt is the part on day: a line for each room leaving, then its
// records to settle.
func departuresAt(guests []appguests.Guest, collect map[string]*toCollect, day string) kit.DashPart {
	leaving := appguests.Departing(guests, day)
	var p kit.DashPart
	rooms, settle := 0, 0
	for i := 0; i < len(leaving); {
		room := leaving[i].Room
		var names []string
		for ; i < len(leaving) && leaving[i].Room == room; i++ {
			names = append(names, kit.GuestName(guestName(leaving[i])))
		}
		rooms++
		var lines []kit.DashLine
		if c := collect[room]; c != nil {
			lines = c.lines
		}
		head := kit.DashLine{Kind: appguests.KindGuests, ID: room, Title: kit.RoomTitle(room, strings.Join(names, "、")),
			Detail: lang.L("guests.departs_today"), Importance: widget.LowImportance}
		if len(lines) > 0 {
			settle++
			head.Importance = widget.WarningImportance
			head.Note = lang.L("guests.to_collect", map[string]int{"Count": len(lines)})
		}
		p.Lines = append(append(p.Lines, head), lines...)
	}
	p.Counts = map[string]kit.TileCount{tileDepartures: {N: rooms, Urgent: settle > 0}}
	return p
}

// guestName is a guest's name with the VIP mark.
func guestName(g appguests.Guest) string {
	name := g.Name
	if name == "" {
		name = lang.L("guests.no_name")
	}
	if g.VIP {
		name = lang.L("guests.vip_name", map[string]string{"Name": name})
	}
	return name
}
