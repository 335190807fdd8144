package supervisor

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"floordesk/export"
	"floordesk/ui/kit"
)

// table is the open conflicts as the tab lists them, to export: the
// record's kind and ID, what the conflict is, and the events behind it,
// for IT to look up with `floordesk verify` or the auditors' export.
func (t *conflictsTab) table() export.Table {
	head := []string{lang.L("supervisor.conflict_col.kind"), lang.L("supervisor.conflict_col.record"),
		lang.L("supervisor.conflict_col.what"), lang.L("supervisor.conflict_col.count"), lang.L("supervisor.conflict_col.events")}
	ids := t.list.IDs()
	rows := make([][]export.Cell, 0, len(ids))
	for _, id := range ids {
		c := t.conflicts[id]
		rows = append(rows, []export.Cell{kit.Text(kit.KindName(c.Kind)), kit.Text(c.EntityID),
			kit.Text(kit.SayConflict(c.Conflict)), kit.Number(float64(len(c.Events))), kit.Text(strings.Join(c.Events, " "))})
	}
	return export.Table{Name: lang.L("supervisor.conflicts_export"), Header: head, Loc: t.s.Location(), Rows: export.Slice(rows)}
}
