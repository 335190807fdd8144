package paper

import (
	"strconv"
	"strings"

	"floordesk/app/reports"
	"floordesk/export"
)

// topicsShown is how many topics a floor's or a room type's line names.
const topicsShown = 3

// TopicTables lays out a week's call topics as tables in the desk's
// language: each topic with its calls this week, its weekly average over
// the weeks before and whether it is rising; then the floors and the
// room types, each with its calls and its most frequent topics.
func TopicTables(d Desk, w reports.TopicWeek) []export.Table {
	return []export.Table{topicTable(d, w), topicGroupTable(d, "report.sheet.topic_floors", "report.col.floor", w.ByFloor, floorName),
		topicGroupTable(d, "report.sheet.topic_types", "report.col.room_type", w.ByType, typeName)}
}

func topicTable(d Desk, w reports.TopicWeek) export.Table {
	prior := map[string]int{}
	for _, c := range w.Prior {
		prior[c.Topic] = c.Calls
	}
	rising := map[string]bool{}
	for _, r := range w.Rising {
		rising[r.Topic] = true
	}
	cells := make([][]export.Cell, len(w.Topics))
	for i, c := range w.Topics {
		mark := ""
		if rising[c.Topic] {
			mark = d.T("report.topic_rising")
		}
		cells[i] = []export.Cell{export.TextCell(c.Topic), num(c.Calls),
			export.NumberCell(round1(float64(prior[c.Topic]) / reports.PriorWeeks)), export.TextCell(mark)}
	}
	t := table(d, "report.sheet.topics", []string{"report.col.topic", "report.col.calls", "report.col.weekly_before", "report.col.rising"}, cells)
	t.Name = d.T("report.sheet.topics_week", map[string]string{"From": d.Date(w.From), "To": d.Date(w.To.AddDate(0, 0, -1))})
	return t
}

func topicGroupTable(d Desk, name, col string, groups []reports.TopicGroup, label func(Desk, string) string) export.Table {
	cells := make([][]export.Cell, len(groups))
	for i, g := range groups {
		top := make([]string, 0, topicsShown)
		for _, c := range g.Topics[:min(topicsShown, len(g.Topics))] {
			top = append(top, c.Topic+" "+strconv.Itoa(c.Calls))
		}
		cells[i] = []export.Cell{export.TextCell(label(d, g.Key)), num(g.Calls), export.TextCell(strings.Join(top, " · "))}
	}
	return table(d, name, []string{col, "report.col.calls", "report.col.top_topics"}, cells)
}

func floorName(d Desk, key string) string {
	if key == "" {
		return d.T("report.topic_areas")
	}
	return d.T("report.topic_floor", map[string]string{"Floor": key})
}

func typeName(d Desk, key string) string {
	if key == "" {
		return d.T("report.topic_areas")
	}
	return key
}
