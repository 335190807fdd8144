package requests

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// rowView is how a request reads at a glance in the list: the room, the
// kind and what was asked on top; guest, department and status below; on
// the right what is due (late, follow-up due, promised time).
type rowView struct {
	title, detail, note string
	importance          widget.Importance
}

func viewRow(r *apprequests.RequestRow, now time.Time) rowView {
	return rowView{
		title:      r.Room + "  " + kindName(r.Kind) + " · " + oneLine(r.Description),
		detail:     rowDetail(r),
		note:       rowNote(r, now),
		importance: rowImportance(r),
	}
}

func rowDetail(r *apprequests.RequestRow) string {
	parts := []string{}
	if r.Guest != "" {
		parts = append(parts, r.Guest)
	}
	parts = append(parts, deptName(r.Department), statusName(r.Status))
	if len(r.Escalated) > 0 {
		parts = append(parts, lang.L("requests.row.escalated"))
	}
	return strings.Join(parts, " · ")
}

func rowNote(r *apprequests.RequestRow, now time.Time) string {
	switch {
	case r.Late:
		return kit.Late(r.PromisedAt, now)
	case r.FollowUpDue:
		return lang.L("requests.row.follow_up_due")
	case r.Open() && !r.PromisedAt.IsZero():
		return lang.L("requests.row.promised", map[string]string{"Time": kit.When(r.PromisedAt, now)})
	case r.Status == apprequests.StatusResolved:
		return lang.L("requests.row.to_confirm")
	}
	return kit.When(r.OpenedAt, now)
}

// rowImportance colours what needs attention: late or escalated is
// danger, a follow-up due a warning; the rest is calm.
func rowImportance(r *apprequests.RequestRow) widget.Importance {
	switch {
	case r.Late || (len(r.Escalated) > 0 && !r.Finished()):
		return widget.DangerImportance
	case r.FollowUpDue:
		return widget.WarningImportance
	case r.Finished():
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// oneLine folds a description onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
