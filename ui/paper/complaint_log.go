package paper

import (
	"io"
	"strconv"
	"strings"
	"time"

	apprequests "floordesk/app/requests"
)

// ComplaintLog writes the duty manager's complaint log (A4): every
// complaint not yet closed, gravest first and oldest first within a
// severity, with how old it is, where it stands (actions open and overdue,
// the guest called back or not) and whether it is a repeat. at is when
// the log is printed; the entries come in their order.
func ComplaintLog(w io.Writer, d Desk, log []apprequests.LogEntry, at time.Time) error {
	title := d.T("paper.complaints.title")
	p := newDoc(sizeA4, 12, title, at)
	p.pageNumbers(d, title)
	p.header(d, title)
	p.font(10, false)
	p.para(d.T("paper.complaints.intro", map[string]string{"Date": d.DateTime(at), "Count": strconv.Itoa(len(log)),
		"Repeats": strconv.Itoa(repeatCount(log)), "Days": strconv.Itoa(int(apprequests.RepeatWindow.Hours() / 24))}))
	p.Ln(2)
	p.font(8, false)
	cols := []column{
		{d.T("paper.police.no"), 0.5, "C"},
		{d.T("paper.complaints.severity"), 0.9, "L"},
		{d.T("paper.complaints.room"), 1.4, "L"},
		{d.T("paper.complaints.what"), 3.4, "L"},
		{d.T("paper.complaints.opened"), 1.3, "L"},
		{d.T("paper.complaints.stands"), 3.0, "L"},
		{d.T("paper.complaints.repeat"), 1.4, "L"},
	}
	rows := make([][]string, len(log))
	for i, e := range log {
		rows[i] = []string{strconv.Itoa(i + 1), severityText(d, e.Complaint), roomGuest(e),
			complaintWhat(d, e), openedText(d, e.OpenedAt) + "\n" + ageText(d, e.Age), standsText(d, e), repeatCell(d, e)}
	}
	p.table(cols, rows)
	if len(log) == 0 {
		p.Ln(4)
		p.para(d.T("paper.complaints.none"))
	}
	p.signatures([]string{d.T("paper.complaints.checked_by")}, nil)
	return p.write(w)
}

func repeatCount(log []apprequests.LogEntry) int {
	n := 0
	for _, e := range log {
		if e.Repeats.Any() {
			n++
		}
	}
	return n
}

func severityText(d Desk, c *apprequests.Complaint) string {
	if c == nil {
		return "—"
	}
	return d.T("requests.severity." + string(c.Severity))
}

func roomGuest(e apprequests.LogEntry) string {
	if e.Guest == "" {
		return e.Where()
	}
	return e.Where() + " " + e.Guest
}

// openedText is when a complaint was taken, short: "03-05 07:00".
func openedText(d Desk, t time.Time) string { return t.In(d.loc()).Format("01-02 15:04") }

func complaintWhat(d Desk, e apprequests.LogEntry) string {
	text := e.Description
	if e.Complaint != nil {
		text = d.T("requests.category."+string(e.Complaint.Category)) + ": " + text
	}
	if dept := e.Department; dept != "" {
		text += " (" + DepartmentName(d, dept) + ")"
	}
	return text
}

// ageText is how long a complaint has been open: "2天5小时", "2 d 5 h".
func ageText(d Desk, age time.Duration) string {
	h := int(age.Hours())
	return d.T("paper.complaints.age", map[string]string{"Days": strconv.Itoa(h / 24), "Hours": strconv.Itoa(h % 24)})
}

// standsText is where the complaint stands: its status, the actions still
// open (and overdue), and whether the guest was called back.
func standsText(d Desk, e apprequests.LogEntry) string {
	parts := []string{d.T("requests.status." + string(e.Status))}
	if e.OpenActions > 0 {
		parts = append(parts, d.T("paper.complaints.actions_open", map[string]string{
			"Open": strconv.Itoa(e.OpenActions), "Overdue": strconv.Itoa(e.OverdueActions)}))
	}
	if e.CalledBack {
		parts = append(parts, d.T("paper.complaints.called_back"))
	} else {
		parts = append(parts, d.T("paper.complaints.not_called_back"))
	}
	return strings.Join(parts, " · ")
}

// repeatCell names the earlier complaints that make this one a repeat.
func repeatCell(d Desk, e apprequests.LogEntry) string {
	var parts []string
	if n := len(e.Repeats.Room); n > 0 {
		parts = append(parts, d.T("paper.complaints.repeat_room", map[string]string{"Count": strconv.Itoa(n)}))
	}
	if n := len(e.Repeats.Guest); n > 0 {
		parts = append(parts, d.T("paper.complaints.repeat_guest", map[string]string{"Count": strconv.Itoa(n)}))
	}
	return strings.Join(parts, "\n")
}
