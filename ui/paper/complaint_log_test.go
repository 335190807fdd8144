package paper_test

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	apprequests "floordesk/app/requests"
	"floordesk/ui/paper"
)

// complaintLog is three open complaints as the register lists them:
// urgent first, a repeat from room 1203 among them.
func complaintLog(now time.Time) []apprequests.LogEntry {
	entry := func(id, room, guest, desc string, sev apprequests.ComplaintSeverity, cat apprequests.ComplaintCategory, age time.Duration) apprequests.LogEntry {
		return apprequests.LogEntry{Request: apprequests.Request{ID: id, Room: room, Guest: guest, Description: desc,
			Kind: apprequests.RequestComplaint, Status: apprequests.StatusDispatched, Department: "engineering",
			OpenedAt: now.Add(-age), Complaint: &apprequests.Complaint{Category: cat, Severity: sev}}, Age: age}
	}
	urgent := entry("c1", "1203", "张伟", "空调不制冷 air conditioner not cooling", apprequests.SeverityUrgent, apprequests.ComplaintFacilities, 26*time.Hour)
	urgent.OpenActions, urgent.OverdueActions = 2, 1
	urgent.Repeats.Room = []apprequests.Request{{ID: "c0", Room: "1203"}}
	minor := entry("c2", "1510", "John Smith", "送餐的饭菜是凉的 cold food", apprequests.SeverityMinor, apprequests.ComplaintFood, 3*time.Hour)
	minor.Status, minor.CalledBack = apprequests.StatusResolved, true
	return []apprequests.LogEntry{urgent, minor}
}

func TestComplaintLogPDF(t *testing.T) {
	printed := time.Date(2026, 3, 5, 10, 0, 0, 0, shanghai)
	want := map[string][]string{
		"zh": {"投诉记录表", "未结案投诉 2 件", "重复投诉 1 件", "紧急", "1203", "张伟", "设施设备", "空调不制冷", "1天2小时", "整改未完成 2 项（逾期 1 项）", "未回访", "同房 1 次", "1510", "已回访", "值班经理"},
		"en": {"Complaint log", "complaints not yet closed: 2", "repeats within 90 days: 1", "Urgent", "1203", "张伟", "air conditioner not cooling", "1d 2h", "actions open: 2 (overdue 1)", "not called back", "room: 1 before", "John Smith", "guest called back", "Duty manager"},
	}
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := paper.ComplaintLog(&b, desk(lang), complaintLog(printed), printed); err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, "complaints-"+lang+".pdf", b.Bytes())
			wantText(t, pdfText(t, path), want[lang]...)
			checkFonts(t, path)
			if got := pages(t, path); got != "1" {
				t.Errorf("%s pages, want one", got)
			}
		})
	}
}

// TestComplaintLogOnePageForADutyShift: a busy day's 20 open complaints
// still print on one page.
func TestComplaintLogOnePageForADutyShift(t *testing.T) {
	now := time.Date(2026, 3, 5, 10, 0, 0, 0, shanghai)
	var log []apprequests.LogEntry
	for i := range 20 {
		e := complaintLog(now)[i%2]
		e.ID, e.Room = "c"+strconv.Itoa(i), strconv.Itoa(1201+i)
		log = append(log, e)
	}
	var b bytes.Buffer
	if err := paper.ComplaintLog(&b, desk("zh"), log, now); err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, "complaints-20.pdf", b.Bytes())
	if got := pages(t, path); got != "1" {
		t.Errorf("20 complaints take %s pages", got)
	}
	wantText(t, pdfText(t, path), "1201", "1220")
}
