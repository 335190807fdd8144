package attendance

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// enterForm is a supervisor's form to enter a missed clock-in (someone
// worked but never clocked in): whose, the day, when they came, when
// they left (empty while they are still at work) and a note. Saving asks
// the supervisor's PIN again when it is not fresh.
type enterForm struct {
	*kit.Form
	sc                  *Screen
	staff               *kit.Choice
	ids                 map[string]string // the staff choice's options → staff numbers
	date, in, out, note *kit.Entry
}

// showEnterForm opens the form for staff (a staff number, or "" to
// pick) on date ("" for today).
func (sc *Screen) showEnterForm(staff, date string) { sc.openEnterForm(staff, date) }

func (sc *Screen) openEnterForm(staff, date string) *enterForm {
	f := &enterForm{Form: kit.NewForm(), sc: sc, ids: map[string]string{}}
	opts, picked := f.staffOptions(staff)
	f.staff = kit.NewSelect(opts, nil)
	if picked != "" {
		f.staff.SetSelected(picked)
	}
	if date == "" {
		date = sc.s.Now().In(sc.s.Location()).Format(time.DateOnly)
	}
	f.date = f.Entry("2026-03-03")
	f.date.SetText(date)
	f.in = f.Entry("07:00")
	f.out = f.Entry(lang.L("attendance.enter_out_hint"))
	f.note = f.Entry(lang.L("attendance.enter_note_hint"))
	f.Row(lang.L("attendance.enter_staff"), "staff", f.staff)
	f.Row(lang.L("attendance.enter_date"), "date", f.date)
	f.Row(lang.L("attendance.in_time"), "in", f.in)
	f.Row(lang.L("attendance.out_time"), "out", f.out)
	f.Row(lang.L("attendance.note"), "note", f.note)
	f.Check(f.note, "note", limitCheck(appattendance.MaxNoteRunes))
	f.Submit = func() { sc.s.WithPIN(f.save) }
	f.Cancel = func() { sc.Back() }
	sc.Pane().Set(f.Content(lang.L("attendance.enter_title"), lang.L("attendance.enter_save")))
	if staff == "" {
		sc.s.Window.Canvas().Focus(f.staff)
	} else {
		sc.s.Window.Canvas().Focus(f.in)
	}
	return f
}

// staffOptions are the staff as "Wang Fang · A01", and staff's option.
func (f *enterForm) staffOptions(staff string) (opts []string, picked string) {
	for _, st := range f.sc.staff.Staff() {
		o := st.Name + " · " + st.ID
		opts = append(opts, o)
		f.ids[o] = st.ID
		if st.ID == staff {
			picked = o
		}
	}
	return opts, picked
}

// input reads the form: the times on the day typed, the time they left
// on the next day when it is not after the time they came (a night
// shift); false, with the field said, when one cannot be read.
func (f *enterForm) input() (appattendance.EnterInput, bool) {
	loc := f.sc.s.Location()
	day, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(f.date.Text), loc)
	if err != nil {
		f.Say("date", lang.L("attendance.bad_date"))
		return appattendance.EnterInput{}, false
	}
	in, ok := clockOn(day, f.in.Text)
	if !ok {
		f.Say("in", lang.L("attendance.bad_in_time"))
		return appattendance.EnterInput{}, false
	}
	var out *time.Time
	if strings.TrimSpace(f.out.Text) != "" {
		o, ok := clockOn(day, f.out.Text)
		if !ok {
			f.Say("out", lang.L("attendance.bad_time"))
			return appattendance.EnterInput{}, false
		}
		if !o.After(in) {
			o = o.AddDate(0, 0, 1)
		}
		out = &o
	}
	return appattendance.EnterInput{Staff: f.ids[f.staff.Selected], In: in, Out: out, Note: f.note.Text}, true
}

// clockOn is "07:00" on day, in day's zone.
func clockOn(day time.Time, text string) (time.Time, bool) {
	t, err := time.Parse("15:04", strings.TrimSpace(text))
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(day.Year(), day.Month(), day.Day(), t.Hour(), t.Minute(), 0, 0, day.Location()), true
}

func (f *enterForm) save() {
	in, ok := f.input()
	if !ok {
		return
	}
	d, err := f.sc.svc.EnterMissed(f.sc.s.UserID(), in)
	if err != nil {
		f.Fail(err)
		return
	}
	f.sc.Put(d)
	f.sc.Open(d.ID)
	f.sc.s.Notify(lang.L("attendance.entered", map[string]string{"Name": f.sc.name(d)}))
}
