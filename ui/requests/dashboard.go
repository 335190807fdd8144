package requests

import (
	"errors"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// Dashboard is the request register's part of the dashboard: follow-ups
// due, late requests and scheduled ones within their lead time (wake-up
// calls) at this desk, each a line, and a notice when a follow-up or a
// wake-up call falls due. The hotel's settings hold the follow-up
// interval and the lead time. A scheduled request read while still quiet
// comes up at its lead time through the view, without a store read. A
// supervisor also sees the complaints' corrective actions past due at
// every desk (complaint_dash.go).
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_follow_ups", "dash.tile_late"},
		Kinds:       []string{apprequests.KindRequest, app.KindHotel},
		NoticeTitle: "dash.follow_up_title", NoticeMany: "dash.follow_ups_notice",
		Load: func() (kit.DashView, error) {
			set, err := svc.OpenSet(s.Desk())
			actions, aerr := actionsDue(s, svc) // a supervisor's: overdue corrective actions
			return func(now time.Time) kit.DashPart {
				p := dashAt(set.At(now), now)
				addOverdue(&p, actions, now)
				return p
			}, errors.Join(err, aerr)
		}}
}

// dashAt is the part at now, from the desk's open requests at now.
func dashAt(open []apprequests.RequestRow, now time.Time) kit.DashPart {
	due, late := apprequests.DueForFollowUp(open), apprequests.LateRows(open)
	p := kit.DashPart{Counts: map[string]kit.TileCount{
		"dash.tile_follow_ups": {N: len(due), Urgent: len(due) > 0},
		"dash.tile_late":       {N: len(late), Late: len(late)},
	}}
	seen := map[string]bool{}
	for _, r := range late {
		seen[r.ID] = true
		detail := lang.L("dash.late_request", map[string]string{"Time": kit.Clock(r.PromisedAt)})
		if r.CallDue() {
			detail = callStepText(&r, now)
		}
		p.Lines = append(p.Lines, requestLine(r, detail, kit.Late(r.PromisedAt, now)))
	}
	for _, r := range apprequests.OnShow(open) {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		p.Lines = append(p.Lines, scheduledLine(r, now))
	}
	for _, r := range open {
		if r.CallDue() { // each step of a wake-up call announced once, late or not
			p.Notices = append(p.Notices, kit.Notice{ID: r.ID + "/" + string(r.Call) + "/" + r.CallAt.String(),
				Text: lang.L("dash.wake_up_notice", map[string]string{"Room": r.Where(), "Step": callStepText(&r, now)})})
		}
	}
	for _, r := range due {
		if !seen[r.ID] {
			p.Lines = append(p.Lines, requestLine(r, lang.L("dash.follow_up_due"), kit.Late(r.NextFollowUp, now)))
		}
		p.Notices = append(p.Notices, kit.Notice{ID: r.ID,
			Text: lang.L("dash.follow_up_notice", map[string]string{"Room": r.Where(), "What": r.Description})})
	}
	return p
}

func requestLine(r apprequests.RequestRow, detail, note string) kit.DashLine {
	if r.Department != "" {
		detail += " · " + r.Department
	}
	return kit.DashLine{Kind: kit.KindRequest, ID: r.ID, Urgent: true, Importance: widget.DangerImportance,
		Title: kit.RoomTitle(r.Where(), r.Description), Detail: detail, Note: note}
}

// scheduledLine is a scheduled request on show: what a wake-up call needs
// next, or when the request is due.
func scheduledLine(r apprequests.RequestRow, now time.Time) kit.DashLine {
	detail := lang.L("requests.row.due", map[string]string{"Time": kit.Clock(r.DueAt.In(now.Location()))})
	if r.Call != apprequests.CallNone && r.Call != apprequests.CallSoon {
		detail = callStepText(&r, now)
	}
	l := requestLine(r, detail, kit.When(r.DueAt, now))
	l.Urgent = r.CallDue() || !r.DueSoon
	l.Importance = widget.WarningImportance
	if r.Call == apprequests.CallGoToRoom {
		l.Importance = widget.DangerImportance
	}
	return l
}
