package keys

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"floordesk/export"
	"floordesk/ui/kit"
)

// doorsTable is the door openings of the last doorDays days, oldest
// first: when, room, guest, the ID checked, who opened, desk and note.
func (sc *Screen) doorsTable() (export.Table, error) {
	now := sc.s.Now()
	list, err := sc.svc.DoorOpenings(now.AddDate(0, 0, -doorDays), now.Add(time.Minute), "")
	if err != nil {
		return export.Table{}, err
	}
	head := []string{lang.L("keys.door_col.at"), lang.L("keys.room"), lang.L("keys.guest"), lang.L("keys.id_type"),
		lang.L("keys.last4"), lang.L("keys.opened_by"), lang.L("keys.door_col.desk"), lang.L("keys.note")}
	rows := make([][]export.Cell, len(list))
	for i, d := range list {
		rows[i] = []export.Cell{kit.Time(d.At), kit.Text(d.Room), kit.Text(d.Guest), kit.Text(lang.L("keys.id." + d.IDType)),
			kit.Text(d.IDLast4), kit.Text(sc.names.Name(d.OpenedBy)), kit.Text(sc.s.DeskName(d.Desk)), kit.Text(d.Note)}
	}
	return export.Table{Name: lang.L("keys.doors_export"), Header: head, Loc: sc.s.Location(), Rows: export.Slice(rows)}, nil
}
