package found

import (
	"time"

	"floordesk/app"
)

// FoundItems lists items by tag; status "" lists all.
func (s *FoundRegister) FoundItems(status FoundStatus) ([]FoundItem, error) {
	return app.ListViews(s.Service, KindFound, func(f *FoundItem) bool { return status == "" || f.Status == status })
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
	list, err := app.ListViews(s.Service, KindFound, func(f *FoundItem) bool {
		return f.Status == FoundHeld && !now.Before(f.HoldUntil)
	})
	app.SortBy(list, func(f FoundItem) time.Time { return f.HoldUntil })
	return list, err
}

// PoliceReportDue lists held items flagged for an immediate police report
// (identity documents, dangerous or prohibited items).
func (s *FoundRegister) PoliceReportDue() ([]FoundItem, error) {
	return app.ListViews(s.Service, KindFound, func(f *FoundItem) bool { return f.Status == FoundHeld && f.Police })
}

// FoundItem returns one item by tag; ErrNotFound when unknown.
func (s *FoundRegister) FoundItem(tag string) (FoundItem, error) {
	return app.LoadView[FoundItem](s.Service, KindFound, tag)
}
