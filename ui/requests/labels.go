package requests

import (
	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// Translated names of the domain's codes. A code without a translation
// (a department a supervisor added) reads as itself.

func kindName(k apprequests.RequestKind) string { return named("requests.kind.", string(k)) }

func statusName(s apprequests.RequestStatus) string { return named("requests.status.", string(s)) }

func channelName(c apprequests.RequestChannel) string { return named("requests.channel.", string(c)) }

func priorityName(p apprequests.RequestPriority) string {
	return named("requests.priority.", string(p))
}

func categoryName(c apprequests.ComplaintCategory) string {
	return named("requests.category.", string(c))
}

func severityName(s apprequests.ComplaintSeverity) string {
	return named("requests.severity.", string(s))
}

func callName(o apprequests.CallOutcome) string { return named("requests.call.", string(o)) }

func reasonName(r apprequests.EscalationReason) string {
	return named("requests.escalated.", string(r))
}

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
	kindCodes     = []string{string(apprequests.RequestService), string(apprequests.RequestInquiry), string(apprequests.RequestComplaint), string(apprequests.RequestWakeUp)}
	channelCodes  = []string{string(apprequests.ChannelInPerson), string(apprequests.ChannelPhone), string(apprequests.ChannelRoom)}
	priorityCodes = []string{string(apprequests.PriorityNormal), string(apprequests.PriorityHigh), string(apprequests.PriorityUrgent)}
	categoryCodes = []string{string(apprequests.ComplaintService), string(apprequests.ComplaintHygiene), string(apprequests.ComplaintFacilities),
		string(apprequests.ComplaintFood), string(apprequests.ComplaintNoise), string(apprequests.ComplaintOther)}
	severityCodes = []string{string(apprequests.SeverityMinor), string(apprequests.SeverityModerate), string(apprequests.SeveritySerious), string(apprequests.SeverityUrgent)}
)

func callChoices() choices {
	codes := make([]string, len(apprequests.CallOutcomes))
	for i, o := range apprequests.CallOutcomes {
		codes[i] = string(o)
	}
	return newChoices(codes, func(c string) string { return callName(apprequests.CallOutcome(c)) })
}

func kindChoices() choices {
	return newChoices(kindCodes, func(c string) string { return kindName(apprequests.RequestKind(c)) })
}

func channelChoices() choices {
	return newChoices(channelCodes, func(c string) string { return channelName(apprequests.RequestChannel(c)) })
}

func priorityChoices() choices {
	return newChoices(priorityCodes, func(c string) string { return priorityName(apprequests.RequestPriority(c)) })
}

func categoryChoices() choices {
	return newChoices(categoryCodes, func(c string) string { return categoryName(apprequests.ComplaintCategory(c)) })
}

func severityChoices() choices {
	return newChoices(severityCodes, func(c string) string { return severityName(apprequests.ComplaintSeverity(c)) })
}

// deptChoices lists the hotel's departments; withDesk adds "the desk
// itself" (code "") first.
// areaChoices are the hotel's areas, after "" (a room: the room field).
func areaChoices(areas []string) choices {
	return newChoices(append([]string{""}, areas...), func(a string) string {
		if a == "" {
			return lang.L("requests.area.none")
		}
		return a
	})
}

func deptChoices(depts []string, withDesk bool) choices {
	codes := depts
	if withDesk {
		codes = append([]string{""}, depts...)
	}
	return newChoices(codes, deptName)
}
