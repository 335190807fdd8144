package found

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// The police hand-over (移交公安机关): cash, valuables, identity documents,
// dangerous items and items unclaimed past their holding go to the
// police station on a hand-over list that the officer signs. One list
// takes several items at once: each item gets the same hand-over (its ID,
// the officer, the unit, the date, who handed it over) as the last link
// of its custody chain, and leaves the hotel's hands (disposed of, by the
// police method). See docs/found-items-rules.md.

// Limits of a hand-over list.
const (
	MaxPoliceItems   = 100 // items on one list
	MaxOfficerRunes  = 40  // the officer's name
	MaxUnitRunes     = 60  // the police station or unit
	policeBackWindow = 7 * 24 * time.Hour
)

// PoliceHandover is one hand-over list to the police.
type PoliceHandover struct {
	ID       string    `json:"id"`      // "PH260303-1430-D1", shared by its items
	Officer  string    `json:"officer"` // the receiving officer's name
	Unit     string    `json:"unit"`    // the police station or unit
	At       time.Time `json:"at"`      // when the items were handed over
	HandedBy string    `json:"handed_by"`
	Desk     string    `json:"desk"`
	Tags     []string  `json:"tags"` // the list's items, in its order
}

// PoliceInput is the input for handing items to the police. Zero At
// means now; empty HandedBy means the actor.
type PoliceInput struct {
	Tags     []string
	Officer  string
	Unit     string
	At       time.Time
	HandedBy string
}

func init() {
	app.RegisterMessages(map[string]string{
		"found.police_handover":    "Item {tag} goes to the police on a hand-over list with the officer's name and unit — use “Hand over to police”.",
		"found.method_not_allowed": "The hotel's set-up does not allow this disposal for item {tag}'s category — pick one of the methods offered, or ask a supervisor to change the set-up.",
		"found.police_no_items":    "Tick the items to hand over to the police.",
		"found.police_too_many":    "A hand-over list takes at most {max} items — hand over the rest on a second list.",
		"found.police_twice":       "Item {tag} is on the list twice — keep it once.",
		"found.police_at":          "The hand-over time must be within the last seven days and not later than now — correct it.",
		"found.not_to_police":      "Item {tag} was not handed to the police.",
	})
}

// HandToPolice records items handed to the police on one hand-over list,
// all in one transaction; supervisors only. Every item must still be
// held; a hold not yet over is no bar (the police may take an item any
// time). Refusals name the field: tags (none, too many, twice, an item
// claimed or disposed of), officer, unit, at, handed_by.
func (s *FoundRegister) HandToPolice(actorID string, in PoliceInput) (PoliceHandover, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleSupervisor)
	if err != nil {
		return PoliceHandover{}, err
	}
	now := s.Now()
	h, err := s.policeHandover(actor, in, now)
	if err != nil {
		return PoliceHandover{}, err
	}
	evs := make([]wire.Event, len(h.Tags))
	for i, tag := range h.Tags {
		if evs[i], err = app.NewEvent(actor.ID, app.Ref(KindFound, tag), TypeFoundToPolice, h); err != nil {
			return PoliceHandover{}, err
		}
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return PoliceHandover{}, app.StoreRefusal(err)
	}
	return h, nil
}

// policeHandover checks in and makes the hand-over of it.
func (s *FoundRegister) policeHandover(actor app.Staff, in PoliceInput, now time.Time) (PoliceHandover, error) {
	h := PoliceHandover{Officer: strings.TrimSpace(in.Officer), Unit: strings.TrimSpace(in.Unit),
		At: in.At, HandedBy: in.HandedBy, Desk: s.Desk(), Tags: in.Tags}
	if h.At.IsZero() {
		h.At = now
	}
	if h.HandedBy == "" {
		h.HandedBy = actor.ID
	}
	err := app.FirstErr(checkPoliceTags(h.Tags), app.Required("officer", h.Officer),
		app.MaxLen("officer", h.Officer, MaxOfficerRunes), app.Required("unit", h.Unit),
		app.MaxLen("unit", h.Unit, MaxUnitRunes), checkPoliceAt(h.At, now))
	if err != nil {
		return h, err
	}
	if _, err := s.ActiveStaff("handed_by", h.HandedBy); err != nil {
		return h, err
	}
	for _, tag := range h.Tags {
		if _, err := s.heldItem(tag); err != nil {
			return h, err
		}
	}
	h.At = h.At.UTC()
	h.ID = s.police.next("PH" + now.In(s.Loc()).Format("060102-150405") + "-" + s.Desk())
	return h, nil
}

// policeIDs keeps a second's hand-over IDs apart: a second list made in
// the same second at this desk gets "-2", and so on. Guarded by the
// core's lock, as the commands are.
type policeIDs struct {
	last string
	n    int
}

func (p *policeIDs) next(id string) string {
	if id != p.last {
		p.last, p.n = id, 1
		return id
	}
	p.n++
	return id + "-" + strconv.Itoa(p.n)
}

func checkPoliceTags(tags []string) error {
	switch {
	case len(tags) == 0:
		return app.Invalid("tags", "found.police_no_items")
	case len(tags) > MaxPoliceItems:
		return app.Invalid("tags", "found.police_too_many", "max", strconv.Itoa(MaxPoliceItems))
	}
	for i, tag := range tags {
		if slices.Contains(tags[:i], tag) {
			return app.Invalid("tags", "found.police_twice", "tag", tag)
		}
	}
	return nil
}

func checkPoliceAt(at, now time.Time) error {
	if at.After(now.Add(time.Minute)) || at.Before(now.Add(-policeBackWindow)) {
		return app.Invalid("at", "found.police_at")
	}
	return nil
}

// applyToPolice folds a hand-over: the custody chain's last link is the
// police, and the item is disposed of by the police method, early when
// its hold had not ended.
func applyToPolice(f *FoundItem, ev wire.Event) error {
	h, err := app.DecodeBody[PoliceHandover](ev)
	if err != nil {
		return err
	}
	f.Handover = &h
	f.Custody = append(f.Custody, Custody{At: h.At, By: h.HandedBy, Location: h.Unit, Note: h.Officer, Police: h.ID})
	f.Disposal = &Disposal{Method: app.DisposePolice, Early: h.At.Before(f.HoldUntil), By: ev.Actor,
		At: app.ActionTime(h.At, ev), Handover: h.ID}
	f.Status = FoundDisposed
	return nil
}

// ForPolice lists the held items for a hand-over list, oldest found
// first: due, those the police must have (PoliceReportDue, and items
// past their hold that the set-up lets go only to the police); and may,
// the other items past their hold that the set-up lets go to the police.
func (s *FoundRegister) ForPolice() (due, may []FoundItem, err error) {
	h, err := s.Settings()
	if err != nil {
		return nil, nil, err
	}
	now := s.Now()
	all, err := s.heldWith(FoundHeld, func(f *FoundItem) bool {
		hold := h.HoldingOf(f.Category)
		return f.Police || !now.Before(f.HoldUntil) && hold.Allows(app.DisposePolice)
	})
	app.SortBy(all, func(f FoundItem) time.Time { return f.FoundAt })
	for _, f := range all {
		if f.Police || slices.Equal(h.HoldingOf(f.Category).Methods, []string{app.DisposePolice}) {
			due = append(due, f)
		} else {
			may = append(may, f)
		}
	}
	return due, may, err
}

// PoliceListOf returns the hand-over list item tag went on and its items
// in the list's order, to print it again; ErrNotFound when the item was
// not handed to the police.
func (s *FoundRegister) PoliceListOf(tag string) (PoliceHandover, []FoundItem, error) {
	f, err := s.FoundItem(tag)
	if err != nil {
		return PoliceHandover{}, nil, err
	}
	if f.Handover == nil {
		return PoliceHandover{}, nil, app.Refuse(app.ErrNotFound, "", "found.not_to_police", []string{"tag", tag})
	}
	h := *f.Handover
	items := make([]FoundItem, 0, len(h.Tags))
	for _, t := range h.Tags {
		item, err := s.FoundItem(t)
		if err != nil {
			return h, nil, err
		}
		items = append(items, item)
	}
	return h, items, nil
}
