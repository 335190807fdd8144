package supervisor

import (
	"time"

	"fyne.io/fyne/v2"

	"floordesk/app/reports"
	"floordesk/export"
	"floordesk/ui/paper"
)

// TopicSource is what the reports tab needs to show what guests called
// about: a week's call topics (app/reports.Reporter). Safe from any
// goroutine.
type TopicSource interface {
	TopicWeek(day time.Time) (reports.TopicWeek, error)
}

var _ TopicSource = (*reports.Reporter)(nil)

// topicTables are the call topics of the week holding the period's last
// day, as tables under the most-lent items; none when the source keeps no
// topics or they cannot be read (the rest of the report still shows).
func (t *reportsTab) topicTables(rep reports.Report) []fyne.CanvasObject {
	src, ok := t.src.(TopicSource)
	if !ok {
		return nil
	}
	w, err := src.TopicWeek(rep.Period.Last())
	if err != nil {
		return nil
	}
	t.week = &w
	var out []fyne.CanvasObject
	for _, tb := range paper.TopicTables(t.desk(), w) {
		out = append(out, tableGrid(tb))
	}
	return out
}

// topicExport are the call topics' tables shown, for the printed report
// and the workbook; none when none are shown.
func (t *reportsTab) topicExport(d paper.Desk) []export.Table {
	if t.week == nil {
		return nil
	}
	return paper.TopicTables(d, *t.week)
}
