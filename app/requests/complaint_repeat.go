package requests

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Repeat complaints: a complaint from a room, or from a guest, that
// complained within RepeatWindow before. The duty manager sees them
// flagged: the same guest unhappy twice is a guest to look after, the same
// room twice a room to fix.

// RepeatWindow is how far back an earlier complaint makes a repeat.
const RepeatWindow = 90 * 24 * time.Hour

// complaintIndexName files complaints by room and by guest, then by the
// time they were opened: "r\x00<room>\x00<TimeKey>", "g\x00<guest>\x00<TimeKey>".
const complaintIndexName = "requests.complaints"

func init() {
	app.RegisterIndex(KindRequest, complaintIndex)
}

func complaintIndex(r *Request) []wire.IndexEntry {
	if r.Kind != RequestComplaint || r.OpenedAt.IsZero() {
		return nil
	}
	var out []wire.IndexEntry
	if r.Room != "" {
		out = append(out, wire.IndexEntry{Name: complaintIndexName, Key: complaintKey("r", r.Room, r.OpenedAt)})
	}
	if g := guestKey(r.Guest); g != "" {
		out = append(out, wire.IndexEntry{Name: complaintIndexName, Key: complaintKey("g", g, r.OpenedAt)})
	}
	return out
}

func complaintKey(by, who string, at time.Time) []byte {
	return append([]byte(by+"\x00"+who+"\x00"), app.TimeKey(at)...)
}

// guestKey is a guest's name as compared: case and spacing aside.
func guestKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Repeats are the earlier complaints that make a complaint a repeat.
type Repeats struct {
	Room  []Request // from the same room, newest first
	Guest []Request // from a guest of the same name (any room), newest first
}

// Any reports whether there is an earlier complaint.
func (p Repeats) Any() bool { return len(p.Room) > 0 || len(p.Guest) > 0 }

// ComplaintRepeats lists the complaints from r's room and from r's guest
// opened within RepeatWindow before r; none for a request that is not a
// complaint.
func (s *RequestRegister) ComplaintRepeats(r *Request) (Repeats, error) {
	var p Repeats
	if r.Kind != RequestComplaint {
		return p, nil
	}
	var err error
	if r.Room != "" {
		p.Room, err = s.complaintsBefore("r", r.Room, r)
		if err != nil {
			return p, err
		}
	}
	if g := guestKey(r.Guest); g != "" {
		p.Guest, err = s.complaintsBefore("g", g, r)
	}
	return p, err
}

// complaintsBefore reads the complaints filed under by/who opened in the
// window before r, r itself left out.
func (s *RequestRegister) complaintsBefore(by, who string, r *Request) ([]Request, error) {
	from, to := complaintKey(by, who, r.OpenedAt.Add(-RepeatWindow)), complaintKey(by, who, r.OpenedAt.Add(time.Millisecond))
	rs, err := app.RangeViews(s.Service, complaintIndexName, from, to, func(o *Request) bool { return earlier(o.OpenedAt, o.ID, r) })
	slices.SortFunc(rs, func(a, b Request) int { return cmp.Or(b.OpenedAt.Compare(a.OpenedAt), cmp.Compare(a.ID, b.ID)) })
	return rs, err
}

// RepeatCount is how many earlier complaints make a complaint a repeat.
type RepeatCount struct{ Room, Guest int }

// Any reports whether there is an earlier complaint.
func (c RepeatCount) Any() bool { return c.Room > 0 || c.Guest > 0 }

// RepeatsOf counts the repeats of each complaint among rows, by request
// ID, for a list's flags: from the index's keys, no view decoded. Rows
// that are not complaints or have none are left out.
func (s *RequestRegister) RepeatsOf(rows []RequestRow) (map[string]RepeatCount, error) {
	out := map[string]RepeatCount{}
	for i := range rows {
		r := &rows[i].Request
		if r.Kind != RequestComplaint {
			continue
		}
		var c RepeatCount
		var err error
		if r.Room != "" {
			c.Room, err = s.countBefore("r", r.Room, r)
		}
		if g := guestKey(r.Guest); g != "" && err == nil {
			c.Guest, err = s.countBefore("g", g, r)
		}
		if err != nil {
			return out, err
		}
		if c.Any() {
			out[r.ID] = c
		}
	}
	return out, nil
}

// countBefore counts the complaints filed under by/who in the window
// before r, r itself left out.
func (s *RequestRegister) countBefore(by, who string, r *Request) (int, error) {
	from, to := complaintKey(by, who, r.OpenedAt.Add(-RepeatWindow)), complaintKey(by, who, r.OpenedAt.Add(time.Millisecond))
	n := 0
	err := s.Store().IndexedRange(complaintIndexName, from, to, func(key []byte, ref wire.EntityRef, _ []byte) error {
		if at, ok := keyTime(key); ok && earlier(at, ref.ID, r) {
			n++
		}
		return nil
	})
	return n, err
}

// earlier reports whether a complaint opened at at with ID id came before
// r: two opened in the same millisecond are ordered by ID, so only the
// second is a repeat.
func earlier(at time.Time, id string, r *Request) bool {
	at, opened := at.Truncate(time.Millisecond), r.OpenedAt.Truncate(time.Millisecond)
	return at.Before(opened) || at.Equal(opened) && id < r.ID
}

// keyTime is the opening time at the end of a complaint index key.
func keyTime(key []byte) (time.Time, bool) {
	if len(key) < 8 {
		return time.Time{}, false
	}
	return time.UnixMilli(int64(binary.BigEndian.Uint64(key[len(key)-8:]))), true
}
