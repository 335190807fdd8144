package handover

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appfound "floordesk/app/found"
	apphandover "floordesk/app/handover"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// section is one list of a handover as the next shift reads it: a heading
// with its count and one line per record; urgent lines are marked.
type section struct {
	heading string
	lines   []line
}

type line struct {
	text   string
	urgent bool
}

// sections lays out what the next shift inherits, at now.
func sections(h *apphandover.Handover, now time.Time) []section {
	return []section{
		requestSection(rowsOf[apprequests.HandoverRequest](h, "requests"), now),
		keySection(rowsOf[appkeys.HandoverKey](h, "keys"), now),
		loanSection(rowsOf[apploans.HandoverLoan](h, "loans"), now),
		foundSection(rowsOf[appfound.HandoverFound](h, "found"), now),
	}
}

func heading(key string, n int) string {
	return lang.L(key, map[string]int{"Count": n})
}

func requestSection(rs []apprequests.HandoverRequest, now time.Time) section {
	s := section{heading: heading("handover.requests", len(rs))}
	for _, r := range rs {
		parts := []string{r.Room, named("handover.kind.", string(r.Kind)), r.Description,
			named("handover.status.", string(r.Status))}
		if !r.NextFollowUp.IsZero() {
			parts = append(parts, lang.L("handover.follow_up_at", map[string]string{"Time": kit.When(r.NextFollowUp, now)}))
		}
		s.lines = append(s.lines, line{text: join(parts), urgent: r.Escalated})
	}
	return s
}

func keySection(ks []appkeys.HandoverKey, now time.Time) section {
	s := section{heading: heading("handover.keys", len(ks))}
	for _, k := range ks {
		parts := []string{k.Tag, k.Holder, lang.L("handover.since", map[string]string{"Time": kit.When(k.Since, now)})}
		late := !k.DueAt.IsZero() && now.After(k.DueAt)
		if late {
			parts = append(parts, kit.Late(k.DueAt, now))
		}
		s.lines = append(s.lines, line{text: join(parts), urgent: late})
	}
	return s
}

func loanSection(ls []apploans.HandoverLoan, now time.Time) section {
	s := section{heading: heading("handover.loans", len(ls))}
	for _, l := range ls {
		due := lang.L("handover.due", map[string]string{"Time": kit.When(l.DueAt, now)})
		if l.Overdue {
			due = kit.Late(l.DueAt, now)
		}
		s.lines = append(s.lines, line{text: join([]string{l.Room, l.Guest, l.Items, due}), urgent: l.Overdue})
	}
	return s
}

func foundSection(fs []appfound.HandoverFound, now time.Time) section {
	s := section{heading: heading("handover.found", len(fs))}
	for _, f := range fs {
		parts := []string{f.Tag, named("handover.category.", f.Category), f.Description, f.Location, kit.When(f.FoundAt, now)}
		s.lines = append(s.lines, line{text: join(parts)})
	}
	return s
}

// keyCountText says how the key count came out: "40 of 40 keys on the
// board" or, when keys are missing, which.
func keyCountText(k app.BoardCount) (string, bool) {
	data := map[string]string{"Counted": strconv.Itoa(k.Counted), "Expected": strconv.Itoa(len(k.Expected))}
	text := lang.L("handover.key_count", data)
	short := k.Short()
	if short == 0 {
		return text, false
	}
	text += " · " + lang.L("handover.keys_short", map[string]int{"Count": short})
	if len(k.Missing) > 0 {
		text += ": " + strings.Join(k.Missing, ", ")
	}
	return text, true
}

// stateText says where the handover stands.
func stateText(h *apphandover.Handover) string {
	switch {
	case h.Signed():
		return lang.L("handover.state.final")
	case h.Outgoing != nil:
		return lang.L("handover.state.outgoing_signed", map[string]string{"Name": h.Outgoing.Name})
	}
	return lang.L("handover.state.draft")
}

func named(prefix, code string) string {
	if code == "" {
		return ""
	}
	return kit.X(prefix+code, code)
}

// join puts the non-empty parts on one line.
func join(parts []string) string {
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}

// shiftText translates the shift's name in a handover's shift label:
// "2026-03-03 morning" reads "2026-03-03 早班".
func shiftText(shift string) string {
	words := strings.Fields(shift)
	for i, w := range words {
		words[i] = kit.X("handover.shift."+w, w)
	}
	return strings.Join(words, " ")
}

// rowsOf decodes one register's section of a handover's lists; a section
// this desk cannot read shows as empty.
func rowsOf[T any](h *apphandover.Handover, name string) []T {
	rows, _ := apphandover.HandoverSection[T](h.Lists, name)
	return rows
}
