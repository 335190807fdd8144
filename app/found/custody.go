package found

import (
	"strings"

	"floordesk/app"
	"floordesk/app/personal"
)

// Custody, claims and disposal of found items.

// heldItem loads an item that is still held: ErrConflict when it was
// claimed or disposed of.
func (s *FoundRegister) heldItem(tag string) (FoundItem, error) {
	f, err := s.FoundItem(tag)
	if err != nil {
		return f, err
	}
	switch f.Status {
	case FoundClaimed:
		c := f.Claims[len(f.Claims)-1]
		return f, app.Conflicting("found.claimed", "tag", tag, "claimant", c.Claimant, "at", s.ClockText(c.At))
	case FoundDisposed:
		return f, app.Conflicting("found.disposed", "tag", tag, "method", f.Disposal.Method, "at", s.ClockText(f.Disposal.At))
	}
	return f, nil
}

// TransferFound moves a held item to another storage place; the custody
// chain records each move. A valuable item may only go to a safe.
func (s *FoundRegister) TransferFound(actorID, tag, location string, inSafe bool, note string) (FoundItem, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return FoundItem{}, err
	}
	f, err := s.heldItem(tag)
	if err != nil {
		return f, err
	}
	location = strings.TrimSpace(location)
	if err := s.checkTransfer(f, location, inSafe); err != nil {
		return f, err
	}
	c := Custody{At: s.Now(), By: actor.ID, Location: location, InSafe: inSafe, Note: note}
	return app.EmitView[FoundItem](s.Service, actor, app.Ref(KindFound, tag), TypeFoundTransferred, c)
}

func (s *FoundRegister) checkTransfer(f FoundItem, location string, inSafe bool) error {
	if err := app.Required("location", location); err != nil {
		return err
	}
	if location == f.Location().Location {
		return app.Invalid("location", "found.same_place", "tag", f.Tag, "location", location)
	}
	if f.Valuable && !inSafe {
		return app.Invalid("location", "found.safe_required")
	}
	return nil
}

// ClaimInput is the input for handing an item to its owner. Leave Carrier
// and Tracking empty for a hand-over in person.
type ClaimInput struct {
	Tag         string
	Claimant    string
	Contact     string
	IDType      string
	IDLast4     string
	Description string // the claimant's own description, before hand-over
	ReturnedBy  string // staff ID; empty means the actor
	Carrier     string
	Tracking    string
	Report      string // the guest's loss report, closed with the claim
}

// ClaimFound hands an item to its owner (or ships it) and closes the
// matching loss report in the same transaction.
func (s *FoundRegister) ClaimFound(actorID string, in ClaimInput) (FoundItem, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return FoundItem{}, err
	}
	f, err := s.heldItem(in.Tag)
	if err != nil {
		return f, err
	}
	if in.ReturnedBy == "" {
		in.ReturnedBy = actor.ID
	}
	if err := s.checkClaim(in); err != nil {
		return f, err
	}
	if err := s.saveClaim(actor, in); err != nil {
		return f, err
	}
	return s.FoundItem(in.Tag)
}

func (s *FoundRegister) checkClaim(in ClaimInput) error {
	err := app.FirstErr(app.Required("claimant", in.Claimant), app.Required("contact", in.Contact),
		app.Choice("id_type", in.IDType, app.IDTypes...), app.CheckLast4(strings.TrimSpace(in.IDLast4)),
		app.Required("description", in.Description), app.MaxLen("description", in.Description, 500))
	if err != nil {
		return err
	}
	if (in.Carrier == "") != (in.Tracking == "") {
		return app.Invalid("tracking", "found.ship_details")
	}
	if _, err := s.ActiveStaff("returned_by", in.ReturnedBy); err != nil {
		return err
	}
	if in.Report == "" {
		return nil
	}
	_, err = s.openReport(in.Report)
	return err
}

func (s *FoundRegister) saveClaim(actor app.Staff, in ClaimInput) error {
	c := Claim{Claimant: strings.TrimSpace(in.Claimant), Contact: strings.TrimSpace(in.Contact),
		IDType: in.IDType, IDLast4: strings.TrimSpace(in.IDLast4), Description: strings.TrimSpace(in.Description),
		ReturnedBy: in.ReturnedBy, Carrier: in.Carrier, Tracking: in.Tracking, Report: in.Report,
		At: s.Now(), Desk: s.Desk()}
	evs, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindFound, in.Tag), TypeFoundClaimed, c, personalFields...)
	if err != nil {
		return err
	}
	if in.Report != "" {
		closed, err := app.NewEvent(actor.ID, app.Ref(KindLostReport, in.Report), TypeLostReportClosed,
			reportCloseBody{Item: in.Tag, Reason: "claimed", At: c.At})
		if err != nil {
			return err
		}
		evs = append(evs, closed)
	}
	_, err = s.Store().AppendAll(evs)
	return app.StoreRefusal(err)
}

// DisposeFound disposes of an unclaimed item: donate, destroy or finder,
// as the hotel's set-up allows for its category (Hotel.HoldingOf);
// supervisors only. Before the holding period ends it needs a reason.
// Refusals: an unknown method (field.bad_value), the police (they take
// items on a hand-over list: HandToPolice), a method the set-up does not
// allow for the category (found.method_not_allowed).
func (s *FoundRegister) DisposeFound(actorID, tag, method, reason string) (FoundItem, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleSupervisor)
	if err != nil {
		return FoundItem{}, err
	}
	f, err := s.heldItem(tag)
	if err != nil {
		return f, err
	}
	if err := s.checkMethod(f, method); err != nil {
		return f, err
	}
	d := Disposal{Method: method, Reason: strings.TrimSpace(reason), By: actor.ID, At: s.Now()}
	d.Early = d.At.Before(f.HoldUntil)
	if err := app.MaxLen("reason", d.Reason, MaxReasonRunes); err != nil {
		return f, err
	}
	if d.Early && d.Reason == "" {
		return f, app.Conflicting("found.holding", "tag", tag, "until", s.ClockText(f.HoldUntil))
	}
	return app.EmitView[FoundItem](s.Service, actor, app.Ref(KindFound, tag), TypeFoundDisposed, d)
}

// MaxReasonRunes bounds a disposal's reason.
const MaxReasonRunes = 200

// checkMethod refuses a method DisposeFound does not take for f.
func (s *FoundRegister) checkMethod(f FoundItem, method string) error {
	if err := app.Choice("method", method, app.DisposalMethods...); err != nil {
		return err
	}
	if method == app.DisposePolice {
		return app.Invalid("method", "found.police_handover", "tag", f.Tag)
	}
	h, err := s.Settings()
	if err != nil {
		return err
	}
	if !h.HoldingOf(f.Category).Allows(method) {
		return app.Invalid("method", "found.method_not_allowed", "tag", f.Tag)
	}
	return nil
}

// DisposalMethodsFor lists the methods DisposeFound takes for an item of
// category c, in display order: the set-up's, less the police.
func (s *FoundRegister) DisposalMethodsFor(c app.Category) ([]string, error) {
	h, err := s.Settings()
	if err != nil {
		return nil, err
	}
	hold := h.HoldingOf(c)
	var out []string
	for _, m := range app.DisposalMethods {
		if m != app.DisposePolice && hold.Allows(m) {
			out = append(out, m)
		}
	}
	return out, nil
}

// FoundLabel is the text of an item's printable tag label.
type FoundLabel struct {
	Tag   string
	Lines []string
}

// Label returns the label for an item's tag.
func (s *FoundRegister) Label(tag string) (FoundLabel, error) {
	f, err := s.FoundItem(tag)
	if err != nil {
		return FoundLabel{}, err
	}
	lines := []string{
		f.Tag,
		string(f.Category) + " — " + f.Description,
		"Found " + f.FoundAt.In(s.Loc()).Format("2006-01-02 15:04") + " at " + f.Place,
		"Finder: " + f.Finder + " · Logged by: " + s.StaffName(f.LoggedBy),
		"Keep until " + f.HoldUntil.In(s.Loc()).Format("2006-01-02"),
	}
	if f.Police {
		lines = append(lines, "REPORT TO POLICE")
	}
	return FoundLabel{Tag: f.Tag, Lines: lines}, nil
}
