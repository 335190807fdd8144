package found

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/export"
	"floordesk/ui/kit"
)

// reportsTable is the open loss reports' export, newest first, as their
// list shows them: the guest's name masked for attendants, no phone; with
// when and where each was filed.
func (sc *Screen) reportsTable() (export.Table, error) {
	list, err := sc.svc.OpenLostReports()
	if err != nil {
		return export.Table{}, err
	}
	head := []string{lang.L("found.report_col.filed"), lang.L("found.report_col.guest"), lang.L("found.report_col.room"),
		lang.L("found.report_col.place"), lang.L("found.report_col.lost"), lang.L("found.report_col.category"),
		lang.L("found.report_col.description"), lang.L("found.report_col.desk")}
	rows := make([][]export.Cell, 0, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		r := list[i]
		rows = append(rows, []export.Cell{kit.Time(r.FiledAt), kit.Text(kit.ListedPersonal(r.Guest, r.Personal)), kit.Text(r.Room),
			kit.Text(r.Place), kit.Time(r.LostAt), kit.Text(categoryName(r.Category)), kit.Text(r.Description), kit.Text(sc.s.DeskName(r.Desk))})
	}
	return export.Table{Name: lang.L("found.reports_export"), Header: head, Loc: sc.s.Location(), Rows: export.Slice(rows)}, nil
}
