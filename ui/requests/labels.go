package requests

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/ui/kit"
)

// Translated names of the domain's codes. A code without a translation
// (a department a supervisor added) reads as itself.

func kindName(k app.RequestKind) string { return named("requests.kind.", string(k)) }

func statusName(s app.RequestStatus) string { return named("requests.status.", string(s)) }

func channelName(c app.RequestChannel) string { return named("requests.channel.", string(c)) }

func priorityName(p app.RequestPriority) string { return named("requests.priority.", string(p)) }

func categoryName(c app.ComplaintCategory) string { return named("requests.category.", string(c)) }

func severityName(s app.ComplaintSeverity) string { return named("requests.severity.", string(s)) }

func reasonName(r app.EscalationReason) string { return named("requests.escalated.", string(r)) }

// deptName names a department; "" is the desk itself.
func deptName(d string) string {
	if d == "" {
		return lang.L("requests.dept.desk")
	}
	return kit.DepartmentName(d)
}

func named(prefix, code string) string {
	if code == "" {
		return ""
	}
	return kit.X(prefix+code, code)
}

// choices pairs codes with their translated names, for a Select.
type choices struct {
	codes, names []string
}

func newChoices(codes []string, name func(string) string) choices {
	c := choices{codes: codes, names: make([]string, len(codes))}
	for i, code := range codes {
		c.names[i] = name(code)
	}
	return c
}

// code returns the code of a translated name, or "".
func (c choices) code(name string) string {
	for i, n := range c.names {
		if n == name {
			return c.codes[i]
		}
	}
	return ""
}

// name returns the translated name of a code, or "".
func (c choices) name(code string) string {
	for i, k := range c.codes {
		if k == code {
			return c.names[i]
		}
	}
	return ""
}

var (
	kindCodes     = []string{string(app.RequestService), string(app.RequestInquiry), string(app.RequestComplaint)}
	channelCodes  = []string{string(app.ChannelInPerson), string(app.ChannelPhone), string(app.ChannelRoom)}
	priorityCodes = []string{string(app.PriorityNormal), string(app.PriorityHigh), string(app.PriorityUrgent)}
	categoryCodes = []string{string(app.ComplaintService), string(app.ComplaintHygiene), string(app.ComplaintFacilities),
		string(app.ComplaintFood), string(app.ComplaintNoise), string(app.ComplaintOther)}
	severityCodes = []string{string(app.SeverityMinor), string(app.SeverityModerate), string(app.SeveritySerious), string(app.SeverityUrgent)}
)

func kindChoices() choices {
	return newChoices(kindCodes, func(c string) string { return kindName(app.RequestKind(c)) })
}

func channelChoices() choices {
	return newChoices(channelCodes, func(c string) string { return channelName(app.RequestChannel(c)) })
}

func priorityChoices() choices {
	return newChoices(priorityCodes, func(c string) string { return priorityName(app.RequestPriority(c)) })
}

func categoryChoices() choices {
	return newChoices(categoryCodes, func(c string) string { return categoryName(app.ComplaintCategory(c)) })
}

func severityChoices() choices {
	return newChoices(severityCodes, func(c string) string { return severityName(app.ComplaintSeverity(c)) })
}

// deptChoices lists the hotel's departments; withDesk adds "the desk
// itself" (code "") first.
func deptChoices(depts []string, withDesk bool) choices {
	codes := depts
	if withDesk {
		codes = append([]string{""}, depts...)
	}
	return newChoices(codes, deptName)
}
