package requests

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// caseDetail is when the n-th step of a complaint's case of type typ
// happened and what it recorded; ok false for another type.
func caseDetail(r *apprequests.Request, typ string, n int, loc *time.Location) (time.Time, string, bool) {
	c := r.Case
	if c == nil {
		return time.Time{}, "", false
	}
	var at time.Time
	var text string
	switch typ {
	case apprequests.TypeComplaintInvestigated:
		at, text = nth(c.Findings, n, func(f apprequests.Finding) (time.Time, string) {
			return f.At, lang.L("requests.case.finding_short", map[string]string{"What": named("requests.finding.", string(f.Kind)), "Result": f.Result})
		})
	case apprequests.TypeComplaintAttached:
		at, text = nth(c.Attachments, n, func(a apprequests.Attachment) (time.Time, string) {
			return a.At, lang.L("requests.attachment.line", map[string]string{"Name": a.Name, "KB": kbText(a.Size)})
		})
	case apprequests.TypeComplaintActionAdded:
		at, text = nth(c.Actions, n, func(a apprequests.CorrectiveAction) (time.Time, string) {
			return a.At, lang.L("requests.case.action", map[string]string{"What": a.What, "Department": deptName(a.Department), "Due": kit.Date(a.Due.In(loc))})
		})
	case apprequests.TypeComplaintCalledBack:
		at, text = nth(c.CallBacks, n, func(cb apprequests.CallBack) (time.Time, string) {
			return cb.At, named("requests.call_back.", string(cb.Channel)) + " · " +
				lang.L("requests.history.satisfaction", map[string]string{"Score": strconv.Itoa(cb.Satisfaction)})
		})
	case apprequests.TypeComplaintCauseFound:
		if c.Cause != nil {
			at, text = c.Cause.At, causeText(c.Cause)
		}
	case apprequests.TypeComplaintClosedBySup:
		if c.Override != nil {
			at, text = c.Override.At, c.Override.Reason
		}
	case apprequests.TypeComplaintActionVerified:
		return time.Time{}, "", true
	default:
		return time.Time{}, "", false
	}
	return at, text, true
}
