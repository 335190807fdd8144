package requests

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// historyLine is one action in a request's timeline: when, who, what and
// its details ("派单至工程部，通知张工").
type historyLine struct {
	when, who, what, detail string
}

// timeline pairs the history's actions with the details the folded
// request keeps for each, in order: the n-th dispatch event is
// Dispatches[n], and so on. An action's time is the one the desk recorded
// in it, else the event's clock reading.
func timeline(r *apprequests.Request, hist []apprequests.HistoryEntry, now time.Time) []historyLine {
	seen := map[string]int{}
	out := make([]historyLine, len(hist))
	for i, h := range hist {
		n := seen[h.Type]
		seen[h.Type] = n + 1
		at, detail := actionDetail(r, h.Type, n, now.Location())
		if h.Intake != nil {
			detail = intakeDetail(r, h, now.Location())
		}
		if at.IsZero() {
			at = h.At
		}
		out[i] = historyLine{when: kit.When(at, now), who: h.Name, what: actionName(h.Type), detail: detail}
	}
	return out
}

// actionName names an event type; a versioned one ("request.called.v1")
// by its name without the version.
func actionName(typ string) string {
	name := strings.TrimPrefix(typ, "request.")
	if i := strings.Index(name, ".v"); i > 0 {
		name = name[:i]
	}
	return kit.X("requests.action."+name, typ)
}

func callDetail(c apprequests.CallAttempt) string {
	if c.Note == "" {
		return callName(c.Outcome)
	}
	return callName(c.Outcome) + " · " + c.Note
}

// actionDetail is when the n-th action of type typ happened and what it
// recorded.
func actionDetail(r *apprequests.Request, typ string, n int, loc *time.Location) (time.Time, string) {
	switch typ {
	case apprequests.TypeRequestOpened:
		return r.OpenedAt, openedDetail(r)
	case apprequests.TypeRequestScheduled:
		return r.OpenedAt, openedDetail(r) + " · " + lang.L("requests.row.due", map[string]string{"Time": kit.Date(r.DueAt.In(loc)) + " " + kit.Clock(r.DueAt.In(loc))})
	case apprequests.TypeRequestCalled:
		return nth(r.Calls, n, func(c apprequests.CallAttempt) (time.Time, string) { return c.At, callDetail(c) })
	case apprequests.TypeRequestDispatched:
		return nth(r.Dispatches, n, func(d apprequests.Dispatch) (time.Time, string) { return d.At, dispatchDetail(d, loc) })
	case apprequests.TypeRequestFollowedUp:
		return nth(r.FollowUps, n, func(f apprequests.FollowUp) (time.Time, string) { return f.At, f.Note })
	case apprequests.TypeRequestEscalated:
		return nth(r.Escalations, n, func(e apprequests.Escalation) (time.Time, string) { return e.At, e.Reason })
	case apprequests.TypeRequestCompensated:
		return nth(r.Compensation, n, func(c apprequests.Compensation) (time.Time, string) { return c.At, compensationDetail(c) })
	}
	if at, detail, ok := caseDetail(r, typ, n, loc); ok {
		return at, detail
	}
	return finalDetail(r, typ)
}

// finalDetail covers the actions a request has at most one of.
func finalDetail(r *apprequests.Request, typ string) (time.Time, string) {
	switch {
	case typ == apprequests.TypeRequestResolved && r.Resolution != nil:
		return r.Resolution.At, withDept(r.Resolution.Department, r.Resolution.Result)
	case typ == apprequests.TypeRequestConfirmed && r.Confirmation != nil:
		return r.Confirmation.At, confirmationDetail(r.Confirmation)
	case typ == apprequests.TypeRequestCancelled && r.Cancellation != nil:
		return r.Cancellation.At, r.Cancellation.Reason
	}
	return time.Time{}, ""
}

func nth[T any](xs []T, n int, f func(T) (time.Time, string)) (time.Time, string) {
	if n >= len(xs) {
		return time.Time{}, ""
	}
	return f(xs[n])
}

func openedDetail(r *apprequests.Request) string {
	return strings.Join([]string{channelName(r.Channel), priorityName(r.Priority), deptName(r.Department)}, " · ")
}

// intakeDetail is the request as it was taken, from the opening action
// itself: the history is the record of what was done, so a later dispatch
// to another department does not rewrite it.
func intakeDetail(r *apprequests.Request, h apprequests.HistoryEntry, loc *time.Location) string {
	in := h.Intake
	text := strings.Join([]string{channelName(in.Channel), priorityName(in.Priority), deptName(in.Department)}, " · ")
	if h.Type == apprequests.TypeRequestScheduled {
		text += " · " + lang.L("requests.row.due", map[string]string{"Time": kit.Date(r.DueAt.In(loc)) + " " + kit.Clock(r.DueAt.In(loc))})
	}
	return text
}

func dispatchDetail(d apprequests.Dispatch, loc *time.Location) string {
	return lang.L("requests.history.dispatched", map[string]string{
		"Department": deptName(d.Department), "Person": d.Notified, "Time": kit.Clock(d.NotifiedAt.In(loc)),
	})
}

func compensationDetail(c apprequests.Compensation) string {
	if c.Amount == 0 {
		return c.Given
	}
	return c.Given + " · " + money(c.Amount)
}

func confirmationDetail(c *apprequests.Confirmation) string {
	text := lang.L("requests.history.satisfaction", map[string]string{"Score": strconv.Itoa(c.Satisfaction)})
	if c.Comment != "" {
		text += " · " + c.Comment
	}
	return text
}

func withDept(dept, text string) string {
	if dept == "" {
		return text
	}
	return deptName(dept) + ": " + text
}

// money renders cents as yuan: "¥50.00".
func money(cents int64) string {
	return fmt.Sprintf("¥%d.%02d", cents/100, cents%100)
}
