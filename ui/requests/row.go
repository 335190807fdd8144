package requests

import (
	"strconv"
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
		title:      r.Where() + "  " + kindName(r.Kind) + " · " + oneLine(r.Description),
		detail:     rowDetail(r),
		note:       rowNote(r, now),
		importance: rowImportance(r),
	}
}

func rowDetail(r *apprequests.RequestRow) string {
	parts := []string{}
	if r.Guest != "" {
		parts = append(parts, kit.GuestName(r.Guest))
	}
	parts = append(parts, deptName(r.Department), statusName(r.Status))
	if r.Series != nil {
		parts = append(parts, seriesText(r.Series))
	}
	if len(r.Escalated) > 0 {
		parts = append(parts, lang.L("requests.row.escalated"))
	}
	return strings.Join(parts, " · ")
}

func rowNote(r *apprequests.RequestRow, now time.Time) string {
	switch {
	case r.Call == apprequests.CallGoToRoom:
		return callStepText(r, now)
	case r.Late:
		return kit.Late(r.PromisedAt, now)
	case r.FollowUpDue:
		return lang.L("requests.row.follow_up_due")
	case r.Call != apprequests.CallNone && r.Call != apprequests.CallSoon:
		return callStepText(r, now)
	case r.Open() && r.Scheduled():
		return lang.L("requests.row.due", map[string]string{"Time": kit.When(r.DueAt, now)})
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
	case r.FollowUpDue || r.CallDue():
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

// callStepText says what a wake-up call needs next: "请打叫醒电话",
// "06:35 再打一次", "无人接听，请派人到房间".
func callStepText(r *apprequests.RequestRow, now time.Time) string {
	return lang.L("requests.step."+string(r.Call), map[string]string{"Time": kit.When(r.CallAt, now)})
}

// seriesText is an occurrence of a daily request: "第 2/4 天".
func seriesText(s *apprequests.Series) string {
	return lang.L("requests.row.series", map[string]string{"N": strconv.Itoa(s.N), "Of": strconv.Itoa(s.Of)})
}
