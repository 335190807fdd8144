package handover

import (
	"fyne.io/fyne/v2/lang"

	apphandover "floordesk/app/handover"
	"floordesk/export"
	"floordesk/ui/kit"
)

// table is the handovers the screen lists, to export: shift, desk, when
// drafted, its state, and who signed when.
func (sc *Screen) table() export.Table {
	head := []string{lang.L("handover.col.shift"), lang.L("handover.col.desk"), lang.L("handover.col.drafted"),
		lang.L("handover.col.state"), lang.L("handover.col.outgoing"), lang.L("handover.col.outgoing_at"),
		lang.L("handover.col.incoming"), lang.L("handover.col.incoming_at")}
	ids := sc.list.IDs()
	rows := make([][]export.Cell, 0, len(ids))
	for _, id := range ids {
		h := sc.hs[id]
		out, outAt := signature(h.Outgoing)
		in, inAt := signature(h.Incoming)
		rows = append(rows, []export.Cell{kit.Text(shiftText(h.Shift)), kit.Text(sc.s.DeskName(h.Desk)), kit.Time(h.DraftedAt),
			kit.Text(stateText(&h)), kit.Text(out), outAt, kit.Text(in), inAt})
	}
	return export.Table{Name: lang.L("handover.export_name"), Header: head, Loc: sc.s.Location(), Rows: export.Slice(rows)}
}

// signature is who signed and when; blank cells when no one has.
func signature(sig *apphandover.HandoverSignature) (string, export.Cell) {
	if sig == nil {
		return "", kit.Text("")
	}
	return sig.Name, kit.Time(sig.At)
}
