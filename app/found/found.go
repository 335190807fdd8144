package found

import (
	"fmt"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Lost and found (失物招领): found items from intake through custody to a
// claim or a disposal. An item's entity ID is its printable tag.

const kindFound = "found"

// Found-item event types.
const (
	TypeFoundLogged      = "found.logged"
	TypeFoundTransferred = "found.transferred"
	TypeFoundClaimed     = "found.claimed"
	TypeFoundDisposed    = "found.disposed"
)

// FoundStatus is where a found item stands.
type FoundStatus string

// Found-item statuses.
const (
	FoundHeld     FoundStatus = "held"
	FoundClaimed  FoundStatus = "claimed"
	FoundDisposed FoundStatus = "disposed"
)

// Disposal methods.
var disposalMethods = []string{"donate", "destroy", "police", "finder"}

// FoundItem is a found item's view.
type FoundItem struct {
	app.Meta    `json:"meta"`
	Tag         string       `json:"tag"`
	FoundAt     time.Time    `json:"found_at"`
	Place       string       `json:"place"`
	Room        bool         `json:"room,omitempty"` // Place is a room number
	Finder      string       `json:"finder"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
	Valuable    bool         `json:"valuable,omitempty"`
	Witness     string       `json:"witness,omitempty"`
	Storage     string       `json:"storage"`
	InSafe      bool         `json:"in_safe,omitempty"`
	Dangerous   bool         `json:"dangerous,omitempty"`
	Police      bool         `json:"police,omitempty"` // report to the police at once
	HoldUntil   time.Time    `json:"hold_until"`
	Desk        string       `json:"desk"`
	LoggedBy    string       `json:"logged_by"`
	LoggedAt    time.Time    `json:"logged_at"`
	Status      FoundStatus  `json:"status"`
	Custody     []Custody    `json:"custody"`
	Claims      []Claim      `json:"claims,omitempty"` // two only after a conflict
	Disposal    *Disposal    `json:"disposal,omitempty"`
}

// Custody is one link of the custody chain: where the item was put, by whom.
type Custody struct {
	At       time.Time `json:"at"`
	By       string    `json:"by"`
	Location string    `json:"location"`
	InSafe   bool      `json:"in_safe,omitempty"`
	Note     string    `json:"note,omitempty"`
}

// Claim is a hand-over to the owner, in person or shipped.
type Claim struct {
	Claimant    string    `json:"claimant"`
	Contact     string    `json:"contact"`
	IDType      string    `json:"id_type"`
	IDLast4     string    `json:"id_last4"`
	Description string    `json:"description"` // the claimant's own, before hand-over
	ReturnedBy  string    `json:"returned_by"`
	Carrier     string    `json:"carrier,omitempty"`
	Tracking    string    `json:"tracking,omitempty"`
	Report      string    `json:"report,omitempty"`
	At          time.Time `json:"at"`
	Desk        string    `json:"desk"`
}

// Shipped reports whether the item was sent rather than handed over.
func (c Claim) Shipped() bool { return c.Carrier != "" }

// Disposal ends the holding of an unclaimed item.
type Disposal struct {
	Method string    `json:"method"`
	Reason string    `json:"reason,omitempty"`
	Early  bool      `json:"early,omitempty"` // before the holding period ended
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Location is the item's current storage place.
func (f *FoundItem) Location() Custody {
	if len(f.Custody) == 0 {
		return Custody{}
	}
	return f.Custody[len(f.Custody)-1]
}

func init() {
	app.RegisterKind(kindFound, app.FoldWith(applyFound, app.PairClash[*FoundItem](map[[2]string]string{
		{TypeFoundLogged, TypeFoundLogged}:           "found.logged_twice",
		{TypeFoundClaimed, TypeFoundClaimed}:         "found.claimed_twice",
		{TypeFoundClaimed, TypeFoundDisposed}:        "found.claimed_and_disposed",
		{TypeFoundDisposed, TypeFoundDisposed}:       "found.disposed_twice",
		{TypeFoundTransferred, TypeFoundTransferred}: "found.moved_twice",
	})))
	app.RegisterMessages(map[string]string{
		"found.witness_required":     "A valuable item needs a witness — ask a second staff member to sign.",
		"found.witness_same":         "The witness must be someone other than you.",
		"found.safe_required":        "A valuable item must be stored in the safe — choose a safe location.",
		"found.in_future":            "The time found cannot be later than now — correct it.",
		"found.claimed":              "Item {tag} was already claimed by {claimant} on {at}.",
		"found.disposed":             "Item {tag} was already disposed of ({method}) on {at}.",
		"found.holding":              "Item {tag} is held until {until} — dispose of it earlier only with a reason.",
		"found.same_place":           "Item {tag} is already in {location}.",
		"found.ship_details":         "Shipping needs the carrier and the tracking number.",
		"found.logged_twice":         "Item {entity} was logged twice at once — check the details and keep one.",
		"found.claimed_twice":        "Item {entity} was handed to two claimants at two desks — contact both claimants.",
		"found.claimed_and_disposed": "Item {entity} was claimed at one desk and disposed of at another — find the item.",
		"found.disposed_twice":       "Item {entity} was disposed of twice — check which disposal happened.",
		"found.moved_twice":          "Item {entity} was moved to two places at once — check where it is.",
	})
}

func applyFound(f *FoundItem, ev wire.Event) error {
	switch ev.Type {
	case TypeFoundLogged:
		return applyFoundLogged(f, ev)
	case TypeFoundTransferred:
		c, err := app.DecodeBody[Custody](ev)
		f.Custody = append(f.Custody, c)
		return err
	case TypeFoundClaimed:
		c, err := app.DecodeBody[Claim](ev)
		f.Claims, f.Status = append(f.Claims, c), FoundClaimed
		return err
	case TypeFoundDisposed:
		d, err := app.DecodeBody[Disposal](ev)
		f.Disposal, f.Status = &d, FoundDisposed
		return err
	}
	return nil
}

func applyFoundLogged(f *FoundItem, ev wire.Event) error {
	b, err := app.DecodeBody[FoundInput](ev)
	if err != nil {
		return err
	}
	*f = FoundItem{Meta: f.Meta, Tag: ev.Entity.ID, FoundAt: b.FoundAt, Place: b.Place, Room: b.Room,
		Finder: b.Finder, Category: b.Category, Description: b.Description, Valuable: b.Valuable,
		Witness: b.Witness, Storage: b.Storage, InSafe: b.InSafe, Dangerous: b.Dangerous,
		Police: b.Police, HoldUntil: b.HoldUntil, Desk: b.Desk, LoggedBy: ev.Actor, LoggedAt: b.At,
		Status: FoundHeld, Custody: []Custody{{At: b.At, By: ev.Actor, Location: b.Storage, InSafe: b.InSafe}}}
	return nil
}

// FoundInput is the input for logging a found item.
type FoundInput struct {
	FoundAt     time.Time    `json:"found_at"`
	Place       string       `json:"place"` // a room number when Room, else a public area
	Room        bool         `json:"room,omitempty"`
	Finder      string       `json:"finder"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
	Valuable    bool         `json:"valuable,omitempty"` // forced for cash and valuables
	Witness     string       `json:"witness,omitempty"`  // staff ID; needed for valuables
	WitnessPIN  string       `json:"-"`
	Storage     string       `json:"storage"`
	InSafe      bool         `json:"in_safe,omitempty"`
	Dangerous   bool         `json:"dangerous,omitempty"` // dangerous or prohibited
	// Filled by LogFound.
	Police    bool      `json:"police,omitempty"`
	HoldUntil time.Time `json:"hold_until"`
	Desk      string    `json:"desk"`
	At        time.Time `json:"at"`
}

// LogFound logs a found item under a new tag, and lists the open guest
// loss reports that may be about it.
func (s *FoundRegister) LogFound(actorID string, in FoundInput) (FoundItem, []ReportMatch, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return FoundItem{}, nil, err
	}
	if err := s.checkFound(actor, &in); err != nil {
		return FoundItem{}, nil, err
	}
	if err := s.fillFound(&in); err != nil {
		return FoundItem{}, nil, err
	}
	tag, err := s.nextTag(in.At)
	if err != nil {
		return FoundItem{}, nil, err
	}
	if _, err := s.Emit(actor, app.Ref(kindFound, tag), TypeFoundLogged, in); err != nil {
		return FoundItem{}, nil, err
	}
	item, err := s.FoundItem(tag)
	if err != nil {
		return item, nil, err
	}
	matches, err := s.reportsMatching(item)
	return item, matches, err
}

func (s *FoundRegister) checkFound(actor app.Staff, in *FoundInput) error {
	in.Place, in.Finder = strings.TrimSpace(in.Place), strings.TrimSpace(in.Finder)
	in.Description, in.Storage = strings.TrimSpace(in.Description), strings.TrimSpace(in.Storage)
	if in.Category == app.CatCash || in.Category == app.CatValuables {
		in.Valuable = true
	}
	err := app.FirstErr(s.checkFoundTime(in.FoundAt), app.Required("place", in.Place), app.Required("finder", in.Finder),
		app.Choice("category", string(in.Category), app.CategoryNames()...), app.Required("description", in.Description),
		app.MaxLen("description", in.Description, 500), app.Required("storage", in.Storage))
	if err != nil {
		return err
	}
	if in.Room {
		if err := s.CheckRoom("place", in.Place); err != nil {
			return err
		}
	}
	return s.checkValuable(actor, in)
}

func (s *FoundRegister) checkFoundTime(t time.Time) error {
	if t.IsZero() {
		return app.Invalid("found_at", "field.required")
	}
	if t.After(s.Now().Add(time.Minute)) {
		return app.Invalid("found_at", "found.in_future")
	}
	return nil
}

func (s *FoundRegister) checkValuable(actor app.Staff, in *FoundInput) error {
	if !in.Valuable {
		return nil
	}
	if !in.InSafe {
		return app.Invalid("storage", "found.safe_required")
	}
	if in.Witness == "" {
		return app.Invalid("witness", "found.witness_required")
	}
	if in.Witness == actor.ID {
		return app.Invalid("witness", "found.witness_same")
	}
	_, err := s.CheckPIN(in.Witness, in.WitnessPIN)
	return err
}

// fillFound sets the police flag, the holding period, the desk and time.
func (s *FoundRegister) fillFound(in *FoundInput) error {
	h, err := s.Settings()
	if err != nil {
		return err
	}
	hold, ok := h.Holding[in.Category]
	if !ok {
		hold = app.Holding{Days: 90}
	}
	in.FoundAt, in.At, in.Desk = in.FoundAt.UTC(), s.Now(), s.Desk()
	in.Police = hold.Police || in.Dangerous || in.Category == app.CatDocuments
	in.HoldUntil = in.FoundAt.AddDate(0, 0, hold.Days)
	return nil
}

// nextTag makes a tag unique across desks offline: "LF" + date + desk code
// + this desk's running number for the day, e.g. "LF260303-D1-007".
func (s *FoundRegister) nextTag(at time.Time) (string, error) {
	prefix := "LF" + at.In(s.Loc()).Format("060102") + "-" + s.Desk() + "-"
	for n := 1; ; n++ {
		tag := fmt.Sprintf("%s%03d", prefix, n)
		used, err := s.Exists(kindFound, tag)
		if err != nil || !used {
			return tag, err
		}
	}
}

// FoundItem returns one item by tag; ErrNotFound when unknown.
func (s *FoundRegister) FoundItem(tag string) (FoundItem, error) {
	return app.LoadView[FoundItem](s.Service, kindFound, tag)
}

// FoundItems lists items by tag; status "" lists all.
func (s *FoundRegister) FoundItems(status FoundStatus) ([]FoundItem, error) {
	return app.ListViews(s.Service, kindFound, func(f *FoundItem) bool { return status == "" || f.Status == status })
}

// AwaitingClaim lists the items still held, oldest found first.
func (s *FoundRegister) AwaitingClaim() ([]FoundItem, error) {
	list, err := s.FoundItems(FoundHeld)
	app.SortBy(list, func(f FoundItem) time.Time { return f.FoundAt })
	return list, err
}

// DueForDisposal lists held items whose holding period has ended.
func (s *FoundRegister) DueForDisposal() ([]FoundItem, error) {
	now := s.Now()
	list, err := app.ListViews(s.Service, kindFound, func(f *FoundItem) bool {
		return f.Status == FoundHeld && !now.Before(f.HoldUntil)
	})
	app.SortBy(list, func(f FoundItem) time.Time { return f.HoldUntil })
	return list, err
}

// PoliceReportDue lists held items flagged for an immediate police report
// (identity documents, dangerous or prohibited items).
func (s *FoundRegister) PoliceReportDue() ([]FoundItem, error) {
	return app.ListViews(s.Service, kindFound, func(f *FoundItem) bool { return f.Status == FoundHeld && f.Police })
}

// HandoverFound is a found item waiting to be claimed.
type HandoverFound struct {
	Tag         string    `json:"tag"`
	Category    string    `json:"category"`
	Description string    `json:"description"`
	FoundAt     time.Time `json:"found_at"`
	Location    string    `json:"location,omitempty"`
}

// handoverFound lists found items logged at desk and still held,
// awaiting claim, oldest first.
func (s *FoundRegister) handoverFound(desk string) ([]HandoverFound, error) {
	items, err := app.ListViews(s.Service, kindFound, func(f *FoundItem) bool { return f.Status == FoundHeld && f.Desk == desk })
	app.SortBy(items, func(f FoundItem) time.Time { return f.FoundAt })
	out := make([]HandoverFound, len(items))
	for i := range items {
		f := &items[i]
		out[i] = HandoverFound{Tag: f.Tag, Category: string(f.Category), Description: f.Description,
			FoundAt: f.FoundAt, Location: f.Location().Location}
	}
	return out, err
}
