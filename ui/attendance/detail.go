package attendance

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// detail is a work day's detail: who, the shift plan, each clock-in and
// clock-out, what a supervisor checks, and for a supervisor the way to
// close a clock-out left open.
func (sc *Screen) detail(d appattendance.Day) fyne.CanvasObject {
	box := container.NewVBox(kit.Heading(lang.L("attendance.detail_title", map[string]string{"Name": sc.name(d), "Date": d.Date})))
	note, _ := sc.statusNote(d)
	box.Add(widget.NewForm(fact("attendance.staff", d.Staff), fact("attendance.plan", sc.planText(d)), fact("attendance.status", note)))
	for _, c := range d.Conflicts {
		w := widget.NewLabel(kit.SayConflict(c))
		w.Importance, w.Wrapping = widget.DangerImportance, fyne.TextWrapWord
		box.Add(w)
	}
	box.Add(kit.Heading(lang.L("attendance.history")))
	for _, h := range kit.HistoryLines(sc.history(d), sc.s.Now()) {
		box.Add(h)
	}
	if st := d.OpenStint(); st != nil && sc.s.IsSupervisor() {
		in := st.In.At
		box.Add(widget.NewButton(lang.L("attendance.close"), func() { sc.showCloseForm(d, in) }))
	}
	if sc.s.IsSupervisor() {
		box.Add(widget.NewButton(lang.L("attendance.enter"), func() { sc.showEnterForm(d.Staff, d.Date) }))
	}
	return box
}

func fact(key, value string) *widget.FormItem {
	if value == "" {
		value = "—"
	}
	v := widget.NewLabel(value)
	v.Wrapping = fyne.TextWrapWord
	return widget.NewFormItem(lang.L(key), v)
}

// planText is "morning 07:00–15:00", or that the day had no plan.
func (sc *Screen) planText(d appattendance.Day) string {
	if d.Plan == nil {
		return lang.L("attendance.no_plan")
	}
	loc := sc.s.Location()
	return shiftName(d) + " " + kit.Clock(d.Plan.Start.In(loc)) + "–" + kit.Clock(d.Plan.End.In(loc))
}

// history lists the day's clock-ins and clock-outs.
func (sc *Screen) history(d appattendance.Day) []kit.HistoryStep {
	var steps []kit.HistoryStep
	for _, st := range d.Stints {
		in := "attendance.h.in"
		if st.Entered() {
			in = "attendance.h.entered"
		}
		steps = append(steps, kit.HistoryStep{At: st.In.At, Text: sc.clockingText(in, st.In)})
		for _, c := range st.Also {
			steps = append(steps, kit.HistoryStep{At: c.At, Text: sc.clockingText("attendance.h.also", c)})
		}
		if st.Out != nil {
			key := "attendance.h.out"
			if st.Out.How == appattendance.HowSupervisor {
				key = "attendance.h.closed"
			}
			steps = append(steps, kit.HistoryStep{At: st.Out.At, Text: sc.clockingText(key, *st.Out)})
		}
	}
	return steps
}

func (sc *Screen) clockingText(key string, c appattendance.Clocking) string {
	return kit.JoinParts([]string{lang.L(key, map[string]string{"Desk": sc.s.DeskName(c.Desk), "How": kit.Named("attendance.how.", string(c.How)),
		"Who": sc.staff.Name(c.By)}), c.Note})
}

// closeForm is a supervisor's form to close a clock-out left open: the
// time the person left and a note.
type closeForm struct {
	*kit.Form
	sc       *Screen
	day      appattendance.Day
	in       time.Time
	out      *kit.Entry
	note     *kit.Entry
	saidTime string
}

func (sc *Screen) showCloseForm(d appattendance.Day, in time.Time) { sc.openCloseForm(d, in) }

func (sc *Screen) openCloseForm(d appattendance.Day, in time.Time) *closeForm {
	f := &closeForm{Form: kit.NewForm(), sc: sc, day: d, in: in}
	f.out = f.Entry("15:00")
	f.out.SetText(kit.Clock(sc.leftGuess(d, in).In(sc.s.Location())))
	f.note = f.Entry(lang.L("attendance.note_hint"))
	f.Row(lang.L("attendance.out_time"), "out", f.out)
	f.Row(lang.L("attendance.note"), "note", f.note)
	f.Check(f.note, "note", limitCheck(appattendance.MaxNoteRunes))
	f.Submit, f.Cancel = f.save, func() { sc.Back() }
	title := lang.L("attendance.close_title", map[string]string{"Name": sc.name(d), "Time": kit.When(in.In(sc.s.Location()), sc.s.Now().In(sc.s.Location()))})
	sc.Pane().Set(f.Content(title, lang.L("attendance.close_save")))
	sc.s.Window.Canvas().Focus(f.note)
	return f
}

// leftGuess is when the person most likely left: their shift's end, or
// eight hours after they came.
func (sc *Screen) leftGuess(d appattendance.Day, in time.Time) time.Time {
	if d.Plan != nil && d.Plan.End.After(in) {
		return d.Plan.End
	}
	return in.Add(8 * time.Hour)
}

// outTime reads "15:00" as the first such time after the clock-in.
func (f *closeForm) outTime() (time.Time, bool) {
	t, err := time.Parse("15:04", strings.TrimSpace(f.out.Text))
	if err != nil {
		return time.Time{}, false
	}
	loc := f.sc.s.Location()
	in := f.in.In(loc)
	out := time.Date(in.Year(), in.Month(), in.Day(), t.Hour(), t.Minute(), 0, 0, loc)
	if !out.After(in) {
		out = out.AddDate(0, 0, 1)
	}
	return out, true
}

func (f *closeForm) save() {
	out, ok := f.outTime()
	if !ok {
		f.Say("out", lang.L("attendance.bad_time"))
		return
	}
	d, err := f.sc.svc.CloseForgotten(f.sc.s.UserID(), appattendance.CloseInput{Day: f.day.ID, In: f.in, Out: out, Note: f.note.Text})
	if err != nil {
		f.Fail(err)
		return
	}
	f.sc.Put(d)
	f.sc.Open(d.ID)
	f.sc.s.Notify(lang.L("attendance.closed", map[string]string{"Name": f.sc.name(d)}))
}

// limitCheck says, as the user types, that a field has passed its
// limit: the same limit the register refuses past.
func limitCheck(max int) func(string) string {
	return func(s string) string {
		if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > max {
			return lang.L("attendance.too_long", map[string]string{"Max": strconv.Itoa(max), "Count": strconv.Itoa(n)})
		}
		return ""
	}
}
