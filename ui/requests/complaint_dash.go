package requests

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// The supervisor's part of the dashboard for complaints: the corrective
// actions past their due time and not checked as done, at every desk, one
// line per complaint, and a notice as each falls overdue.

// actionsDue reads the actions not yet checked, for a supervisor; none
// for anyone else.
func actionsDue(s *kit.Session, svc Service) ([]apprequests.ActionDue, error) {
	if !s.IsSupervisor() {
		return nil, nil
	}
	return svc.ActionsDue()
}

// addOverdue adds to p the actions overdue at now: a line for each
// complaint (said on its line when it has one already, late), and a
// notice for each action.
func addOverdue(p *kit.DashPart, actions []apprequests.ActionDue, now time.Time) {
	late := apprequests.Overdue(actions, now)
	if len(late) == 0 {
		return
	}
	lineOf := map[string]int{}
	for i, l := range p.Lines {
		lineOf[l.ID] = i
	}
	byRequest := map[string][]apprequests.ActionDue{}
	var order []string
	for _, a := range late {
		if byRequest[a.Request] == nil {
			order = append(order, a.Request)
		}
		byRequest[a.Request] = append(byRequest[a.Request], a)
		p.Notices = append(p.Notices, kit.Notice{ID: "action/" + a.ID,
			Text: lang.L("dash.action_overdue_notice", map[string]string{"Room": a.Where, "What": a.What})})
	}
	for _, id := range order {
		l := overdueLine(byRequest[id], now)
		if i, ok := lineOf[id]; ok {
			p.Lines[i].Detail += " · " + l.Detail
			continue
		}
		p.Lines = append(p.Lines, l)
	}
}

// overdueLine is one complaint's overdue actions, the earliest due first.
func overdueLine(as []apprequests.ActionDue, now time.Time) kit.DashLine {
	whats := make([]string, len(as))
	for i, a := range as {
		whats[i] = a.What + " (" + deptName(a.Department) + ")"
	}
	first := as[0]
	return kit.DashLine{Kind: kit.KindRequest, ID: first.Request, Urgent: true, Importance: widget.DangerImportance,
		Title:  kit.RoomTitle(first.Where, first.Description),
		Detail: lang.L("dash.action_overdue", map[string]string{"Actions": strings.Join(whats, "; ")}),
		Note:   kit.Late(first.Due, now)}
}
