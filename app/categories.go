package app

import (
	"slices"
	"time"
)

// Category is a lost-and-found item category.
type Category string

// Lost-and-found categories.
const (
	CatElectronics Category = "electronics"
	CatDocuments   Category = "documents" // documents and IDs
	CatValuables   Category = "valuables" // jewellery and valuables
	CatCash        Category = "cash"
	CatClothing    Category = "clothing"
	CatPerishables Category = "perishables" // food, flowers: a short hold in hours
	CatOther       Category = "other"
)

// Categories lists the categories in display order.
var Categories = []Category{CatElectronics, CatDocuments, CatValuables, CatCash, CatClothing, CatPerishables, CatOther}

func CategoryNames() []string {
	out := make([]string, len(Categories))
	for i, c := range Categories {
		out[i] = string(c)
	}
	return out
}

// Disposal methods of an unclaimed found item: donated, destroyed (food
// thrown away), handed to the police (with a hand-over list, see
// app/found), returned to the staff member who found it.
const (
	DisposeDonate  = "donate"
	DisposeDestroy = "destroy"
	DisposePolice  = "police"
	DisposeFinder  = "finder"
)

// DisposalMethods lists the disposal methods in display order.
var DisposalMethods = []string{DisposeDonate, DisposeDestroy, DisposePolice, DisposeFinder}

// Holding limits: a hold is set in days, or for perishables in hours.
const (
	MaxHoldingDays  = 3650
	MaxHoldingHours = 720
	// DefaultPerishableHours is how long food and flowers are kept.
	DefaultPerishableHours = 24
)

// DefaultHoldingOf is a category's holding before a supervisor sets one
// (docs/found-items-rules.md says where these come from): 90 days, the
// police told at once of identity documents; perishables 24 hours. Cash,
// valuables and identity documents go only to the police; perishables
// are thrown away, donated or given to the finder; the rest any way.
func DefaultHoldingOf(c Category) Holding {
	h := Holding{Days: 90, Police: c == CatDocuments}
	if c == CatPerishables {
		h = Holding{Hours: DefaultPerishableHours}
	}
	h.Methods = defaultMethods(c)
	return h
}

func defaultMethods(c Category) []string {
	switch c {
	case CatCash, CatValuables, CatDocuments:
		return []string{DisposePolice}
	case CatPerishables:
		return []string{DisposeDestroy, DisposeDonate, DisposeFinder}
	}
	return slices.Clone(DisposalMethods)
}

// HoldingOf is the hotel's holding of category c: its set-up, with the
// defaults (DefaultHoldingOf) for what the set-up leaves out: a category
// it never set, or the disposal methods of a set-up saved before they
// could be set.
func (h Hotel) HoldingOf(c Category) Holding {
	set, ok := h.Holding[c]
	if !ok {
		return DefaultHoldingOf(c)
	}
	if len(set.Methods) == 0 {
		set.Methods = defaultMethods(c)
	}
	return set
}

// Period is how long the hold lasts.
func (h Holding) Period() time.Duration {
	return time.Duration(h.Days)*24*time.Hour + time.Duration(h.Hours)*time.Hour
}

// Until is when a hold from t ends: its days on the calendar, then its
// hours.
func (h Holding) Until(t time.Time) time.Time {
	return t.AddDate(0, 0, h.Days).Add(time.Duration(h.Hours) * time.Hour)
}

// Allows reports whether the holding lets an item go by method.
func (h Holding) Allows(method string) bool { return slices.Contains(h.Methods, method) }

// checkHolding: a known category, days and hours within their limits,
// and the methods known, each once, at least one.
func checkHolding(cat Category, h Holding) error {
	if err := FirstErr(Choice("category", string(cat), CategoryNames()...),
		Between("holding.days", h.Days, 0, MaxHoldingDays), Between("holding.hours", h.Hours, 0, MaxHoldingHours)); err != nil {
		return err
	}
	for i, m := range h.Methods {
		if err := Choice("holding.methods", m, DisposalMethods...); err != nil {
			return err
		}
		if slices.Contains(h.Methods[:i], m) {
			return Invalid("holding.methods", "holding.method_twice")
		}
	}
	if h.Methods != nil && len(h.Methods) == 0 {
		return Invalid("holding.methods", "holding.no_method")
	}
	return nil
}
