package kit

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// Register is one register as the desk's window shows it: its screen, its
// part of the dashboard, its section of a shift handover. Each register's
// ui package makes one; main lists them, and the shell, the dashboard and
// the handover screen iterate the list without naming a register.
type Register struct {
	// Name is the register's app.Module name ("keys"): the key of its
	// section in a handover's lists.
	Name string
	// Screen is the register's screen in the navigation; nil when it has
	// none of its own (the handover screen is the shell's).
	Screen Screen
	// Dashboard is the register's part of the dashboard; nil: none.
	Dashboard *DashSource
	// Handover lays out the register's section of a handover from the rows
	// it saved; nil when it adds nothing to a handover.
	Handover func(rows json.RawMessage, now time.Time) HandoverSection
	// Clock clocks staff in and out from the sign-in; nil: the register
	// keeps no attendance (only the attendance register fills it).
	Clock Clocker
}

// DashSource is a register's part of the dashboard.
type DashSource struct {
	// Tiles are the translation keys of its tiles, in order.
	Tiles []string
	// EveryDeskTiles name the tiles that count this desk's records (tile
	// key → translation key) as they read when every desk of the hotel is
	// counted (Session.EveryDesk: a group supervisor's view).
	EveryDeskTiles map[string]string
	// Kinds are the record kinds whose changes move this part (its own,
	// and those it names records by); a change to no other kind reads it
	// again.
	Kinds []string
	// Load reads from the store what the register shows (its open records,
	// from indexes) and returns the part as it reads at any moment: the
	// clock's tick moves the lines' times and the counts of what is late
	// through it without reading the store again. It runs on the Fyne
	// goroutine.
	Load func() (DashView, error)
	// NoticeTitle and NoticeMany are the translation keys that announce
	// notices newly due: the title, and the text when several are ("{{.Count}}").
	NoticeTitle, NoticeMany string
}

// DashView is a register's part of the dashboard as read from the store,
// at a moment: now. It reads nothing from the store.
type DashView func(now time.Time) DashPart

// DashPart is what one register shows on the dashboard at a moment.
type DashPart struct {
	Counts  map[string]TileCount // by tile key
	Lines   []DashLine
	Notices []Notice // things due now, announced once each
}

// TileCount is what one tile shows: N records, Late of them overdue, and
// Urgent colours the number even when none is overdue.
type TileCount struct {
	N, Late int
	Urgent  bool
}

// DashLine is one line of the dashboard: a record that needs attention;
// tapping it opens the record (Kind, ID). Urgent lines come first.
type DashLine struct {
	Kind, ID            string
	Title, Detail, Note string
	Importance          widget.Importance
	Urgent              bool
}

// Notice is something that fell due, announced once: ID names it, Text is
// the sentence when it is the only new one.
type Notice struct {
	ID, Text string
}

// HandoverSection is one register's list in a handover as the next shift
// reads it: a heading with its count and a line per record.
type HandoverSection struct {
	Heading string
	Lines   []HandoverLine
}

// HandoverLine is one record in a handover section; urgent lines are
// marked.
type HandoverLine struct {
	Text   string
	Urgent bool
}

// DashSources lists the registers' dashboard parts in their modules'
// order (app.Module.Order), which the dashboard and the handover share;
// a register without a module comes last.
func DashSources(regs []Register) []*DashSource {
	var out []*DashSource
	for _, r := range InModuleOrder(regs) {
		if r.Dashboard != nil {
			out = append(out, r.Dashboard)
		}
	}
	return out
}

// InModuleOrder sorts a copy of regs by their modules' Order.
func InModuleOrder(regs []Register) []Register {
	rank := map[string]int{}
	for i, m := range app.Modules() {
		rank[m.Name] = i + 1
	}
	out := slices.Clone(regs)
	slices.SortStableFunc(out, func(a, b Register) int {
		ra, rb := rank[a.Name], rank[b.Name]
		if ra == 0 {
			ra = len(rank) + 1
		}
		if rb == 0 {
			rb = len(rank) + 1
		}
		return ra - rb
	})
	return out
}

// HandoverRows decodes a register's rows in a handover; rows this build
// cannot read show as none.
func HandoverRows[T any](raw json.RawMessage) []T {
	var rows []T
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &rows)
	}
	return rows
}

// CountHeading is a heading with a count: "Open requests (3)".
func CountHeading(key string, n int) string {
	return lang.L(key, map[string]int{"Count": n})
}

// Named translates a code under prefix ("handover.kind." + "service"),
// falling back to the code; "" stays "".
func Named(prefix, code string) string {
	if code == "" {
		return ""
	}
	return X(prefix+code, code)
}

// JoinParts puts the non-empty parts on one line, " · " between them.
func JoinParts(parts []string) string {
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}
