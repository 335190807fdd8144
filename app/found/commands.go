package found

import (
	"fmt"
	"strings"
	"time"

	"floordesk/app"
)

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
	// Filled by FileFound.
	Police    bool      `json:"police,omitempty"`
	HoldUntil time.Time `json:"hold_until"`
	Desk      string    `json:"desk"`
	At        time.Time `json:"at"`
}

// LogFound logs a found item under a new tag (FileFound), then lists the
// open guest loss reports that may be about it (MatchesForItem's answer).
// An error after the item is filed comes with the item.
func (s *FoundRegister) LogFound(actorID string, in FoundInput) (FoundItem, []ReportMatch, error) {
	item, err := s.FileFound(actorID, in)
	if err != nil {
		return FoundItem{}, nil, err
	}
	matches, err := s.reportsMatching(item)
	return item, matches, err
}

// FileFound logs a found item under a new tag: the command alone, which
// costs about one write to disk; the desk then asks MatchesForItem for
// the loss reports it may match.
func (s *FoundRegister) FileFound(actorID string, in FoundInput) (FoundItem, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return FoundItem{}, err
	}
	if err := s.checkFound(actor, &in); err != nil {
		return FoundItem{}, err
	}
	if err := s.fillFound(&in); err != nil {
		return FoundItem{}, err
	}
	tag, err := s.nextTag(in.At)
	if err != nil {
		return FoundItem{}, err
	}
	return app.EmitView[FoundItem](s.Service, actor, app.Ref(KindFound, tag), TypeFoundLogged, in)
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
		in.Place = s.ListedRoom(in.Place)
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
	hold := h.HoldingOf(in.Category)
	in.FoundAt, in.At, in.Desk = in.FoundAt.UTC(), s.Now(), s.Desk()
	in.Police = hold.Police || in.Dangerous || in.Category == app.CatDocuments
	in.HoldUntil = hold.Until(in.FoundAt)
	return nil
}

// nextTag makes a tag unique across desks offline: "LF" + date + desk code
// + this desk's running number for the day, e.g. "LF260303-D1-007": the
// first number not yet used.
func (s *FoundRegister) nextTag(at time.Time) (string, error) {
	prefix := "LF" + at.In(s.Loc()).Format("060102") + "-" + s.Desk() + "-"
	for n := s.tags.from(prefix); ; n++ {
		tag := fmt.Sprintf("%s%03d", prefix, n)
		used, err := s.Exists(KindFound, tag)
		if err != nil || !used {
			s.tags.gave(prefix, n)
			return tag, err
		}
	}
}

// tagCounter remembers the last number nextTag gave for a day's prefix,
// so a busy day's tags are not all probed again for each new item: every
// number below it is used (tags are never removed), and it may be used
// too, unless the item's event was not saved.
type tagCounter struct {
	prefix string
	n      int
}

// from is where the search for a free number under prefix starts.
func (c *tagCounter) from(prefix string) int {
	if c.prefix == prefix {
		return c.n
	}
	return 1
}

func (c *tagCounter) gave(prefix string, n int) { c.prefix, c.n = prefix, n }
