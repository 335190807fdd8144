package requests

import (
	apprequests "floordesk/app/requests"
	"floordesk/export"
	"floordesk/ui/kit"
)

// columns are the requests list's export: a row a request, its codes in
// the user's language, its times as times.
func columns() []kit.Column[apprequests.RequestRow] {
	text := func(f func(r apprequests.RequestRow) string) func(apprequests.RequestRow) export.Cell {
		return func(r apprequests.RequestRow) export.Cell { return kit.Text(f(r)) }
	}
	return []kit.Column[apprequests.RequestRow]{
		{Head: "requests.field.room", Cell: text(func(r apprequests.RequestRow) string { return r.Room })},
		{Head: "requests.field.guest", Cell: text(func(r apprequests.RequestRow) string { return kit.ListedPersonal(r.Guest, r.Personal) })},
		{Head: "requests.field.kind", Cell: text(func(r apprequests.RequestRow) string { return kindName(r.Kind) })},
		{Head: "requests.field.description", Cell: text(func(r apprequests.RequestRow) string { return r.Description })},
		{Head: "requests.field.channel", Cell: text(func(r apprequests.RequestRow) string { return channelName(r.Channel) })},
		{Head: "requests.field.priority", Cell: text(func(r apprequests.RequestRow) string { return priorityName(r.Priority) })},
		{Head: "requests.field.department", Cell: text(func(r apprequests.RequestRow) string { return deptName(r.Department) })},
		{Head: "requests.col_status", Cell: text(func(r apprequests.RequestRow) string { return statusName(r.Status) })},
		{Head: "requests.col_opened", Cell: func(r apprequests.RequestRow) export.Cell { return kit.Time(r.OpenedAt) }},
		{Head: "requests.field.due", Cell: func(r apprequests.RequestRow) export.Cell { return kit.Time(r.DueAt) }},
		{Head: "requests.field.promised", Cell: func(r apprequests.RequestRow) export.Cell { return kit.Time(r.PromisedAt) }},
		{Head: "requests.col_resolved", Cell: func(r apprequests.RequestRow) export.Cell {
			if r.Resolution == nil {
				return kit.Text("")
			}
			return kit.Time(r.Resolution.At)
		}},
		{Head: "requests.field.result", Cell: text(func(r apprequests.RequestRow) string {
			if r.Resolution == nil {
				return ""
			}
			return r.Resolution.Result
		})},
		{Head: "requests.col_desk", Cell: text(func(r apprequests.RequestRow) string { return r.Desk })},
	}
}
