package supervisor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/ui/kit"
)

// EventLog is every event the desk holds, in the order it stored them
// (data.Store's Log): up to limit events after the log position after,
// and the position of the last one returned. Safe from any goroutine.
type EventLog interface {
	Log(after uint64, limit int) ([]wire.Event, uint64, error)
}

// logPage is how many events one read of the log takes: the export holds
// one page at a time, whatever the log's size.
const logPage = 2048

// dateLayout is how a supervisor types a day: "2026-03-01".
const dateLayout = "2006-01-02"

// auditPart exports the desk's full event history between two days, for
// auditors: one row an event, read from the log a page at a time and
// written as it is read.
type auditPart struct {
	s        *kit.Session
	log      EventLog // nil: the part says the history cannot be read
	from, to *widget.Entry
	button   *widget.Button
	result   *widget.Label
	box      fyne.CanvasObject
	// done, when set, runs after an export ends, on the Fyne goroutine
	// (for tests).
	done func()
}

func newAuditPart(s *kit.Session, log EventLog) *auditPart {
	p := &auditPart{s: s, log: log, from: widget.NewEntry(), to: widget.NewEntry(), result: wrapped("")}
	today := s.Now().In(s.Location())
	p.from.SetText(time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).Format(dateLayout))
	p.to.SetText(today.Format(dateLayout))
	p.from.SetPlaceHolder("2026-03-01")
	p.to.SetPlaceHolder("2026-03-31")
	p.button = kit.ExportButton(p.ask)
	p.button.Importance = widget.MediumImportance
	p.result.Hide()
	range_ := container.NewHBox(dateWide(p.from), widget.NewLabel(lang.L("supervisor.audit_to")), dateWide(p.to), p.button)
	p.box = container.NewVBox(wrapped(lang.L("supervisor.audit_intro")), range_, p.result)
	return p
}

// dateWide gives a date entry room for "2026-03-01" and the cursor.
func dateWide(e *widget.Entry) fyne.CanvasObject {
	w := fyne.MeasureText("2026-03-01", theme.TextSize(), fyne.TextStyle{}).Width + 6*theme.Padding()
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, e.MinSize().Height)), e)
}

// span is the range typed: from the start of the first day to the end of
// the last, on the hotel's clock.
func (p *auditPart) span() (from, to time.Time, ok bool) {
	loc := p.s.Location()
	f, err1 := time.ParseInLocation(dateLayout, strings.TrimSpace(p.from.Text), loc)
	t, err2 := time.ParseInLocation(dateLayout, strings.TrimSpace(p.to.Text), loc)
	if err1 != nil || err2 != nil || t.Before(f) {
		return time.Time{}, time.Time{}, false
	}
	return f, t.AddDate(0, 0, 1), true
}

// ask checks the range and asks where to save the export.
func (p *auditPart) ask(f export.Format) {
	from, to, ok := p.span()
	if !ok {
		p.say(lang.L("supervisor.audit_range_format"), widget.DangerImportance)
		return
	}
	name := export.FileName(lang.L("supervisor.audit_name"), p.s.Now().In(p.s.Location()), f)
	kit.AskExportFile(p.s, name, func(w fyne.URIWriteCloser, err error) { p.Export(f, from, to, w, err) })
}

// Export writes the events from from (included) to to (excluded) in
// format f to w, the file the save dialog opened (or err, why it could
// not), off the Fyne goroutine; the button waits meanwhile, and the part
// and a notice say where the file went or why not.
func (p *auditPart) Export(f export.Format, from, to time.Time, w fyne.URIWriteCloser, err error) {
	p.button.Disable()
	p.say(lang.L("supervisor.audit_running"), widget.MediumImportance)
	t := p.table(from, to)
	go func() {
		file, err := kit.SaveExport(p.s, t, f, w, err)
		p.s.Do(func() {
			p.button.Enable()
			if err != nil {
				p.say(kit.SayExport(err), widget.DangerImportance)
			} else {
				p.say(lang.L("kit.export_saved", map[string]string{"File": file}), widget.SuccessImportance)
			}
			if p.done != nil {
				p.done()
			}
		})
	}()
}

func (p *auditPart) say(text string, imp widget.Importance) {
	p.result.SetText(text)
	p.result.Importance = imp
	p.result.Show()
	p.result.Refresh()
}

// table is the event history from from to to as a table: its rows are
// read from the log as they are written.
func (p *auditPart) table(from, to time.Time) export.Table {
	names := kit.NewStaffNames(p.s.Svc)
	head := []string{"supervisor.audit_col_time", "supervisor.audit_col_desk", "supervisor.audit_col_staff",
		"supervisor.audit_col_staff_name", "supervisor.audit_col_kind", "supervisor.audit_col_record",
		"supervisor.audit_col_type", "supervisor.audit_col_event", "supervisor.audit_col_body"}
	for i, key := range head {
		head[i] = lang.L(key)
	}
	return export.Table{Name: lang.L("supervisor.audit_name"), Header: head, Loc: p.s.Location(),
		Rows: EventRows(p.log, from, to, names.Name)}
}

// EventRows gives a row for each event of log whose time is from from
// (included) to to (excluded), in the order the desk stored them: its
// time, desk, staff (ID and name, by name), record kind and ID, event
// type, event ID and body as JSON. It reads the log a page at a time.
func EventRows(log EventLog, from, to time.Time, name func(staffID string) string) export.Rows {
	return func(yield func([]export.Cell) error) error {
		if log == nil {
			return fmt.Errorf("audit export: no event log")
		}
		row := make([]export.Cell, 9)
		for after := uint64(0); ; {
			evs, next, err := log.Log(after, logPage)
			if err != nil {
				return fmt.Errorf("audit export: %w", err)
			}
			if len(evs) == 0 {
				return nil
			}
			for _, ev := range evs {
				at := ev.HLC.Time()
				if at.Before(from) || !at.Before(to) {
					continue
				}
				row[0], row[1], row[2] = export.TimeCell(at), export.TextCell(ev.Desk), export.TextCell(ev.Actor)
				row[3], row[4], row[5] = export.TextCell(name(ev.Actor)), export.TextCell(ev.Entity.Kind), export.TextCell(ev.Entity.ID)
				row[6], row[7], row[8] = export.TextCell(ev.Type), export.TextCell(ev.ID), export.TextCell(redact(ev.Body))
				if err := yield(row); err != nil {
					return err
				}
			}
			after = next
		}
	}
}

// secretFields are the body fields an export hides: a PIN's hash
// (app/staff.go) would let whoever holds the file guess the PIN offline.
var secretFields = []string{"pin_hash"}

// hidden stands in an export for a secret field's value.
const hidden = "(hidden)"

// redact is an event body as JSON with its secret fields' values hidden;
// a body with a secret field that cannot be read shows as hidden whole.
func redact(body []byte) string {
	secret := false
	for _, f := range secretFields {
		secret = secret || bytes.Contains(body, []byte(`"`+f+`"`))
	}
	if !secret {
		return string(body)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return hidden
	}
	for _, f := range secretFields {
		if _, ok := fields[f]; ok {
			fields[f] = json.RawMessage(`"` + hidden + `"`)
		}
	}
	b, err := json.Marshal(fields)
	if err != nil {
		return hidden
	}
	return string(b)
}
