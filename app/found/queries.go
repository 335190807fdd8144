package found

import (
	"time"

	"floordesk/app"
)

// FoundItems lists items by tag; status "" lists all.
func (s *FoundRegister) FoundItems(status FoundStatus) ([]FoundItem, error) {
	if status == "" {
		return app.ListViews[FoundItem](s.Service, KindFound, nil)
	}
	return s.heldWith(status, func(*FoundItem) bool { return true })
}

// heldWith lists the items in status that keep accepts, from the status
// index.
func (s *FoundRegister) heldWith(status FoundStatus, keep func(*FoundItem) bool) ([]FoundItem, error) {
	return app.ScanViews(s.Service, KindFound, []string{string(status)}, keep)
}

// AwaitingClaim lists the items still held, oldest found first.
func (s *FoundRegister) AwaitingClaim() ([]FoundItem, error) {
	list, err := s.FoundItems(FoundHeld)
	app.SortBy(list, func(f FoundItem) time.Time { return f.FoundAt })
	return list, err
}

// AwaitingClaimAt lists the items held at desk awaiting their owner, as
// the handover lists them, oldest find first; desk "" is the whole hotel.
func (s *FoundRegister) AwaitingClaimAt(desk string) ([]FoundItem, error) {
	if desk == "" {
		return s.AwaitingClaim()
	}
	list, err := s.heldWith(FoundHeld, heldAt(desk))
	app.SortBy(list, func(f FoundItem) time.Time { return f.FoundAt })
	return list, err
}

// heldAt keeps the items held at desk.
func heldAt(desk string) func(f *FoundItem) bool {
	return func(f *FoundItem) bool { return f.Desk == desk }
}

// DueForDisposal lists held items whose holding period has ended.
func (s *FoundRegister) DueForDisposal() ([]FoundItem, error) {
	now := s.Now()
	list, err := s.heldWith(FoundHeld, func(f *FoundItem) bool { return !now.Before(f.HoldUntil) })
	app.SortBy(list, func(f FoundItem) time.Time { return f.HoldUntil })
	return list, err
}

// PoliceReportDue lists held items flagged for an immediate police report
// (identity documents, dangerous or prohibited items).
func (s *FoundRegister) PoliceReportDue() ([]FoundItem, error) {
	return s.heldWith(FoundHeld, func(f *FoundItem) bool { return f.Police })
}

// FoundItem returns one item by tag; ErrNotFound when unknown.
func (s *FoundRegister) FoundItem(tag string) (FoundItem, error) {
	return app.LoadView[FoundItem](s.Service, KindFound, tag)
}
