package keys

import (
	"bytes"
	"slices"
	"strconv"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Key count per shift: at handover the attendant counts the keys on the
// board; the count is compared with what the register says should hang
// there, so a missing key shows at once.

const KindKeyCount = "keycount"

// TypeKeysCounted records one count of the board.
const TypeKeysCounted = "keys.counted"

// KeyCount is one count of a desk's key board.
type KeyCount struct {
	app.Meta `json:"meta"`
	ID       string    `json:"id"`
	Desk     string    `json:"desk"`
	Shift    string    `json:"shift"`
	Counted  int       `json:"counted"`
	Expected []string  `json:"expected"`          // tags the register says are on the board
	Present  []string  `json:"present,omitempty"` // tags seen, when the attendant ticked them
	Missing  []string  `json:"missing,omitempty"` // expected but not seen
	Extra    []string  `json:"extra,omitempty"`   // seen but recorded out or lost
	At       time.Time `json:"at"`
}

// OK reports whether the board matched the register.
func (c KeyCount) OK() bool {
	return c.Counted == len(c.Expected) && len(c.Missing) == 0 && len(c.Extra) == 0
}

func init() {
	app.RegisterKind(KindKeyCount, app.FoldWith(applyKeyCount, nil))
	app.RegisterMessages(map[string]string{
		"keys.count_unknown": "Key {key} is not in the register — check the tag.",
	})
}

func applyKeyCount(c *KeyCount, ev wire.Event) error {
	if ev.Type != TypeKeysCounted {
		return nil
	}
	b, err := app.DecodeBody[KeyCount](ev)
	b.Meta, b.ID = c.Meta, ev.Entity.ID
	*c = b
	return err
}

// CountKeys records a count of this desk's key board. present lists the
// tags seen (nil when the attendant only counted); counted is their number
// when present is given. The result says what is missing.
func (s *KeyRegister) CountKeys(actorID string, counted int, present []string) (KeyCount, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return KeyCount{}, err
	}
	c, err := s.compareBoard(counted, present)
	if err != nil {
		return KeyCount{}, err
	}
	id := s.NewID()
	return app.EmitView[KeyCount](s.Service, actor, app.Ref(KindKeyCount, id), TypeKeysCounted, c)
}

func (s *KeyRegister) compareBoard(counted int, present []string) (KeyCount, error) {
	c := KeyCount{Desk: s.Desk(), Counted: counted, At: s.Now()}
	if sh, ok := s.ShiftAt(c.At); ok {
		c.Shift = sh.Name
	}
	keys, err := s.Keys()
	if err != nil {
		return c, err
	}
	onBoard := map[string]bool{}
	board := 0
	for _, k := range keys {
		if !deskKey(&k, c.Desk) {
			continue
		}
		board++
		if _, out := k.Current(); !out && !k.Lost {
			c.Expected = append(c.Expected, k.Tag)
			onBoard[k.Tag] = true
		}
	}
	if present == nil {
		return c, checkCounted(counted, board)
	}
	return c, s.tickBoard(&c, keys, onBoard, present)
}

func (s *KeyRegister) tickBoard(c *KeyCount, keys []Key, onBoard map[string]bool, present []string) error {
	c.Present = slices.Sorted(slices.Values(present))
	c.Present = slices.Compact(c.Present)
	c.Counted = len(c.Present)
	for _, tag := range c.Present {
		if !slices.ContainsFunc(keys, func(k Key) bool { return k.Tag == tag }) {
			return app.Invalid("present", "keys.count_unknown", "key", tag)
		}
		if !onBoard[tag] {
			c.Extra = append(c.Extra, tag)
		}
	}
	for _, tag := range c.Expected {
		if !slices.Contains(c.Present, tag) {
			c.Missing = append(c.Missing, tag)
		}
	}
	return nil
}

// KeyCounts lists the counts in [from, to), oldest first.
func (s *KeyRegister) KeyCounts(from, to time.Time) ([]KeyCount, error) {
	list, err := app.TimeViews(s.Service, countsAtIndex, from, to, func(c *KeyCount) bool {
		return !c.At.Before(from) && c.At.Before(to)
	})
	app.SortBy(list, func(c KeyCount) time.Time { return c.At })
	return list, err
}

// LastKeyCount returns a desk's latest count, or false when never counted.
func (s *KeyRegister) LastKeyCount(desk string) (KeyCount, bool, error) {
	prefix := append([]byte(desk), 0)
	var last wire.EntityRef
	err := s.Store().IndexKeys(countsByDeskIndex, func(key []byte, ref wire.EntityRef) error {
		if bytes.HasPrefix(key, prefix) {
			last = ref // keys in order: the latest count comes last
		}
		return nil
	})
	if err != nil || last.ID == "" {
		return KeyCount{}, false, err
	}
	c, err := app.LoadView[KeyCount](s.Service, KindKeyCount, last.ID)
	return c, err == nil, err
}

// checkCounted refuses a count of the board below zero, or above the keys
// that hang on it (out or not): "40 of 13" is a slip of the hand.
func checkCounted(counted, board int) error {
	if counted > board && counted >= 0 {
		return app.Invalid("counted", "keys.count_too_many", "counted", strconv.Itoa(counted), "board", strconv.Itoa(board))
	}
	return app.Between("counted", counted, 0, 10000)
}
