package found

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// Guest loss reports, and the matching of reports with found items.

const KindLostReport = "lostreport"

// Loss report event types.
const (
	TypeLostReportFiled  = "lostreport.filed"
	TypeLostReportClosed = "lostreport.closed"
)

// LostReport is a guest's report of a lost item.
type LostReport struct {
	app.Meta    `json:"meta"`
	ID          string       `json:"id"`
	Guest       string       `json:"guest"`
	Contact     string       `json:"contact"`
	Room        string       `json:"room,omitempty"`
	LostAt      time.Time    `json:"lost_at"` // when the guest thinks it was lost
	Place       string       `json:"place"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
	Desk        string       `json:"desk"`
	FiledBy     string       `json:"filed_by"`
	FiledAt     time.Time    `json:"filed_at"`
	Closed      bool         `json:"closed,omitempty"`
	Item        string       `json:"item,omitempty"` // the found item that settled it
	CloseReason string       `json:"close_reason,omitempty"`
	ClosedAt    time.Time    `json:"closed_at,omitzero"`
	// Personal is the guest's data's key, and its removal.
	Personal personal.State `json:"personal,omitzero"`
}

// LostReportInput is the input for filing a loss report.
type LostReportInput struct {
	Guest       string       `json:"guest"`
	Contact     string       `json:"contact"`
	Room        string       `json:"room,omitempty"`
	LostAt      time.Time    `json:"lost_at"`
	Place       string       `json:"place"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
	Desk        string       `json:"desk"`
	At          time.Time    `json:"at"`
}

type reportCloseBody struct {
	Item   string    `json:"item,omitempty"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

func init() {
	app.RegisterKind(KindLostReport, app.FoldWith(applyLostReport, nil))
	app.RegisterIndex(KindLostReport, openReportIndex)
	app.RegisterMessages(map[string]string{
		"lostreport.closed": "Loss report {report} is already closed.",
	})
}

func applyLostReport(r *LostReport, ev wire.Event) error {
	switch ev.Type {
	case TypeLostReportFiled:
		b, o, err := personal.DecodeBody[LostReportInput](ev)
		*r = LostReport{Meta: r.Meta, ID: ev.Entity.ID, Guest: b.Guest, Contact: b.Contact, Room: b.Room,
			LostAt: b.LostAt, Place: b.Place, Category: b.Category, Description: b.Description,
			Desk: b.Desk, FiledBy: ev.Actor, FiledAt: b.At, Personal: r.Personal}
		r.Personal.Note(o)
		return err
	case TypeLostReportClosed:
		b, err := app.DecodeBody[reportCloseBody](ev)
		r.Closed, r.Item, r.CloseReason, r.ClosedAt = true, b.Item, b.Reason, b.At
		return err
	case personal.TypePurged:
		r.Guest, r.Contact = "", ""
		return r.Personal.Purge(ev)
	}
	return nil
}

// FileLostReport records a guest's loss report and lists the held found
// items that may match it, best first.
func (s *FoundRegister) FileLostReport(actorID string, in LostReportInput) (LostReport, []FoundMatch, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return LostReport{}, nil, err
	}
	if err := s.checkReport(&in); err != nil {
		return LostReport{}, nil, err
	}
	in.Desk, in.At, in.LostAt = s.Desk(), s.Now(), in.LostAt.UTC()
	id := s.NewID()
	evs, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindLostReport, id), TypeLostReportFiled, in, personalFields...)
	if err != nil {
		return LostReport{}, nil, err
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return LostReport{}, nil, fmt.Errorf("save %s: %w", TypeLostReportFiled, app.StoreRefusal(err))
	}
	r, err := s.LostReport(id)
	if err != nil {
		return LostReport{}, nil, err
	}
	matches, err := s.itemsMatching(r)
	return r, matches, err
}

func (s *FoundRegister) checkReport(in *LostReportInput) error {
	in.Guest, in.Description = strings.TrimSpace(in.Guest), strings.TrimSpace(in.Description)
	err := app.FirstErr(app.Required("guest", in.Guest), app.Required("contact", in.Contact),
		app.Choice("category", string(in.Category), app.CategoryNames()...), app.Required("description", in.Description),
		app.MaxLen("description", in.Description, 500))
	if err != nil {
		return err
	}
	if in.LostAt.IsZero() {
		return app.Invalid("lost_at", "field.required")
	}
	if in.Room != "" {
		in.Room = s.ListedRoom(in.Room)
		return s.CheckRoom("room", in.Room)
	}
	return app.Required("place", in.Place)
}

// CloseLostReport closes a report without a claim (the guest found it,
// gave up...).
func (s *FoundRegister) CloseLostReport(actorID, id, reason string) error {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return err
	}
	if _, err := s.openReport(id); err != nil {
		return err
	}
	if err := app.Required("reason", reason); err != nil {
		return err
	}
	_, err = s.Emit(actor, app.Ref(KindLostReport, id), TypeLostReportClosed, reportCloseBody{Reason: reason, At: s.Now()})
	return err
}

func (s *FoundRegister) openReport(id string) (LostReport, error) {
	r, err := s.LostReport(id)
	if err == nil && r.Closed {
		err = app.Conflicting("lostreport.closed", "report", id)
	}
	return r, err
}

// LostReport returns one report; ErrNotFound when unknown.
func (s *FoundRegister) LostReport(id string) (LostReport, error) {
	return app.LoadView[LostReport](s.Service, KindLostReport, id)
}

// openReportsIndex files each open report by the UTC date the guest
// thinks it was lost, so the open list reads open reports only, and a
// found item's matching those lost within its matching window, however
// many reports the desk has kept. Its entries carry the reports' views:
// every found item logged reads them, and they are old views, deep in the
// store.
const openReportsIndex = "lostreports/open"

func openReportIndex(r *LostReport) []wire.IndexEntry {
	if r.Closed {
		return nil
	}
	return []wire.IndexEntry{{Name: openReportsIndex, Key: reportDay(r.LostAt), View: true}}
}

// reportDay is a report's key in openReportsIndex: a UTC date, always
// ten bytes wide (a JSON time has a four-digit year).
func reportDay(t time.Time) []byte { return []byte(t.UTC().Format(time.DateOnly)) }

// OpenLostReports lists the reports not yet closed, oldest first.
func (s *FoundRegister) OpenLostReports() ([]LostReport, error) {
	return readReports(decodeReport, func(fn indexFn) error { return s.Store().Indexed(openReportsIndex, fn) })
}

// openReportsLost lists the open reports lost on the UTC dates from
// from's up to to's (left out), oldest first. Every found item logged
// reads them: they come through the decoded-view cache.
func (s *FoundRegister) openReportsLost(from, to time.Time) ([]LostReport, error) {
	return readReports(app.DecodeView[LostReport], func(fn indexFn) error {
		return s.Store().IndexedRange(openReportsIndex, reportDay(from), reportDay(to), fn)
	})
}

type indexFn = func(key []byte, ref wire.EntityRef, view []byte) error

func decodeReport(_ wire.EntityRef, b []byte) (LostReport, error) {
	var r LostReport
	err := json.Unmarshal(b, &r)
	return r, err
}

// readReports decodes the reports read gives, oldest filed first (in ID
// order when filed at once).
func readReports(decode func(wire.EntityRef, []byte) (LostReport, error), read func(indexFn) error) ([]LostReport, error) {
	var list []LostReport
	err := read(func(_ []byte, ref wire.EntityRef, b []byte) error {
		r, err := decode(ref, b)
		if err != nil {
			return fmt.Errorf("decode %s: %w", ref, err)
		}
		list = append(list, r)
		return nil
	})
	slices.SortFunc(list, func(a, b LostReport) int { return strings.Compare(a.ID, b.ID) })
	app.SortBy(list, func(r LostReport) time.Time { return r.FiledAt })
	return list, err
}

// MatchesForReport lists held items that may match a report, best first.
func (s *FoundRegister) MatchesForReport(id string) ([]FoundMatch, error) {
	r, err := s.LostReport(id)
	if err != nil {
		return nil, err
	}
	return s.itemsMatching(r)
}

// MatchesForItem lists open reports that may be about an item, best first.
func (s *FoundRegister) MatchesForItem(tag string) ([]ReportMatch, error) {
	f, err := s.FoundItem(tag)
	if err != nil {
		return nil, err
	}
	return s.reportsMatching(f)
}
