package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/export"
)

// Listed are the records the list shows, after its search and filter, in
// its order.
func (l *ListScreen[T]) Listed() []T {
	ids := l.list.IDs()
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if x, ok := l.Record(id); ok {
			out = append(out, x)
		}
	}
	return out
}

// Table is what the list shows as a table to export: the Columns'
// headers in the user's language, and a row for each record Listed, with
// times in the hotel's zone.
func (l *ListScreen[T]) Table() export.Table {
	head := make([]string, len(l.c.Columns))
	for i, c := range l.c.Columns {
		head[i] = lang.L(c.Head)
	}
	listed := l.Listed()
	rows := make([][]export.Cell, len(listed))
	for i, x := range listed {
		rows[i] = make([]export.Cell, len(l.c.Columns))
		for j, c := range l.c.Columns {
			rows[i][j] = c.Cell(x)
		}
	}
	return export.Table{Name: lang.L(l.c.Export), Header: head, Loc: l.s.Location(), Rows: export.Slice(rows)}
}

// ExportName is the file name the save dialog offers for format f:
// the export's name and today's date in the hotel's zone.
func (l *ListScreen[T]) ExportName(f export.Format) string {
	return export.FileName(lang.L(l.c.Export), l.s.Now().In(l.s.Location()), f)
}

// AskExport takes what the list shows now, asks for the file to save it
// in as f, and saves it there (ExportTo).
func (l *ListScreen[T]) AskExport(f export.Format) { AskExportTable(l.s, l.Table(), f) }

// TableExportButton is an Export button for a list that is not a
// ListScreen: table reads what the list shows when the button is used,
// and the desk asks where to save it (AskExportTable), or says in a
// notice why it could not be read.
func TableExportButton(s *Session, table func() (export.Table, error)) *widget.Button {
	return ExportButton(func(f export.Format) {
		t, err := table()
		if err != nil {
			s.Notify(Say(err))
			return
		}
		AskExportTable(s, t, f)
	})
}

// AskExportTable asks for the file to save t in as f, offering t's name
// and today's date in the hotel's zone, and saves it there (SaveExport):
// the export of a list that is not a ListScreen.
func AskExportTable(s *Session, t export.Table, f export.Format) {
	name := export.FileName(t.Name, s.Now().In(s.Location()), f)
	AskExportFile(s, name, func(w fyne.URIWriteCloser, err error) { SaveExport(s, t, f, w, err) })
}

// ExportTo saves what the list shows now as f in w, the file the save
// dialog opened (or err, why it could not), and says where it went or
// why not; see SaveExport.
func (l *ListScreen[T]) ExportTo(f export.Format, w fyne.URIWriteCloser, err error) (string, error) {
	return SaveExport(l.s, l.Table(), f, w, err)
}

// ExportButton is the list's Export button, or nil without one.
func (l *ListScreen[T]) ExportButton() *widget.Button { return l.export }
