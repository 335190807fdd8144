package app

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"floordesk/data/wire"
)

// A Module is one register as the core sees it: its name, the record
// kinds it keeps, and what it adds to the work that spans registers (the
// shift handover, the demo hotel). Each register package registers its
// Module from init with Register; the handover and the demo iterate
// Modules() and name no register.
//
// A contribution a register does not make is declared with a reason in
// its No* field, so a register that merely forgot one fails
// TestModulesContribute.
type Module struct {
	// Name is the register's short name ("keys"): its section's key in a
	// handover's lists.
	Name string
	// Order places the register among the others: handover sections,
	// demo set-up and history run in ascending Order.
	Order int
	// Kinds are the entity kinds the register keeps; each has a fold
	// installed with RegisterKind.
	Kinds []string

	// Handover lists what the next shift inherits from this register at
	// desk at now, as rows that encode to JSON; an empty list is fine.
	Handover   func(s *Service, desk string, now time.Time) (any, error)
	NoHandover string
	// BoardCount, when set, counts something on the desk's board at each
	// handover (the key register's keys): at most one module sets it.
	BoardCount func(s *Service, actor Staff, in BoardInput) (BoardCount, []wire.Event, error)

	// DemoSetup adds the register's part of a demo hotel's set-up, after
	// the staff, rooms, desks and item types; nil when it has none.
	DemoSetup func(s *Service, w *DemoWorld) error
	// Demo makes the register's history for a demo hotel.
	Demo   []DemoGenerator
	NoDemo string

	// NoScreen says why a module has no screen of its own on the desk
	// (the personal-data keys: the supervisor's guest-data tab shows
	// them); empty for a register with a screen.
	NoScreen string
}

// BoardInput is what an attendant counted on the board at a handover:
// KeysCounted keys, or the tags ticked in KeysPresent.
type BoardInput struct {
	Counted int
	Present []string
}

// BoardCount is a board count as a handover records it: Expected lists
// the tags that should hang there, Counted what the attendant counted,
// Missing and Extra the differences when tags were ticked. CountID is the
// count's own entity, saved with the handover.
type BoardCount struct {
	CountID  string   `json:"count_id,omitempty"`
	Expected []string `json:"expected,omitempty"`
	Counted  int      `json:"counted"`
	Missing  []string `json:"missing,omitempty"`
	Extra    []string `json:"extra,omitempty"`
}

// Short is how many should be on the board and are not: the missing tags
// when ticked, else the difference of the counts.
func (k BoardCount) Short() int {
	if len(k.Missing) > 0 {
		return len(k.Missing)
	}
	return max(0, len(k.Expected)-k.Counted)
}

var modules []Module

// Register adds a register's Module; each register package calls it from
// init. A name registered twice panics at start-up.
func Register(m Module) {
	if slices.ContainsFunc(modules, func(o Module) bool { return o.Name == m.Name }) {
		panic("app: module registered twice: " + m.Name)
	}
	modules = append(modules, m)
	slices.SortStableFunc(modules, func(a, b Module) int { return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Name, b.Name)) })
}

// Modules lists the registered registers in Order.
func Modules() []Module { return slices.Clone(modules) }

// CheckModule reports the first contribution m lacks, or nil.
func CheckModule(m Module) error {
	switch {
	case m.Name == "":
		return fmt.Errorf("module without a name")
	case len(m.Kinds) == 0:
		return fmt.Errorf("module %s keeps no kinds", m.Name)
	case m.Handover == nil && m.NoHandover == "":
		return fmt.Errorf("module %s adds nothing to the handover and says not why (NoHandover)", m.Name)
	case len(m.Demo) == 0 && m.NoDemo == "":
		return fmt.Errorf("module %s makes no demo history and says not why (NoDemo)", m.Name)
	}
	for _, k := range m.Kinds {
		if _, ok := kinds[k]; !ok {
			return fmt.Errorf("module %s: kind %s has no fold (RegisterKind)", m.Name, k)
		}
	}
	return nil
}
