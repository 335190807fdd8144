package attendance

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/lang"

	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// HandoverSection lays out who came and went in the shift a handover
// closes: a line each, "Wang Fang · in 06:52 · out 15:03", late arrivals,
// early leaves, clock-outs a supervisor closed and clock-ins a
// supervisor entered marked.
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	rows := kit.HandoverRows[appattendance.HandoverClocking](raw)
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.attendance", len(rows))}
	loc := now.Location()
	for _, r := range rows {
		out := lang.L("attendance.on_duty")
		if r.Out != nil {
			out = lang.L("attendance.out_at", map[string]string{"Time": kit.Clock(r.Out.In(loc))})
		}
		parts := []string{r.Name, lang.L("attendance.in_at", map[string]string{"Time": kit.Clock(r.In.In(loc))}), out}
		if late := lateKey(r); r.Late > 0 {
			parts = append(parts, lang.L(late, map[string]string{"Span": kit.Duration(time.Duration(r.Late) * time.Minute)}))
		}
		if r.Early > 0 {
			parts = append(parts, lang.L("attendance.early", map[string]string{"Span": kit.Duration(time.Duration(r.Early) * time.Minute)}))
		}
		if r.ClosedBy != "" {
			parts = append(parts, lang.L("attendance.closed_by_supervisor"))
		}
		if r.EnteredBy != "" {
			parts = append(parts, lang.L("attendance.flag.entered"))
		}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts(parts), Urgent: r.Late > 0 || r.Early > 0})
	}
	return s
}

// lateKey says lateness as measured, or as entered by a supervisor.
func lateKey(r appattendance.HandoverClocking) string {
	if r.EnteredBy != "" {
		return "attendance.late_entered"
	}
	return "attendance.late"
}
