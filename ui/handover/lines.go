package handover

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	apphandover "floordesk/app/handover"
	"floordesk/ui/kit"
)

// sections lays out what the next shift inherits, at now: each register's
// section, in the registers' modules' order.
func sections(h *apphandover.Handover, now time.Time, regs []kit.Register) []kit.HandoverSection {
	var out []kit.HandoverSection
	for _, r := range kit.InModuleOrder(regs) {
		if r.Handover != nil {
			out = append(out, r.Handover(h.Lists[r.Name], now))
		}
	}
	return out
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

// shiftText translates the shift's name in a handover's shift label:
// "2026-03-03 morning" reads "2026-03-03 早班".
func shiftText(shift string) string {
	words := strings.Fields(shift)
	for i, w := range words {
		words[i] = kit.X("handover.shift."+w, w)
	}
	return strings.Join(words, " ")
}
