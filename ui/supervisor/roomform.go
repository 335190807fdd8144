package supervisor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/ui/kit"
)

// roomForm adds one room to the room list, or changes a listed room, by
// hand: typing a listed room's number fills in what the list holds for it.
type roomForm struct {
	*kit.Form
	t                                              *roomsTab
	number, floor, kind, building, section, status *kit.Entry
}

func newRoomForm(t *roomsTab) *roomForm {
	f := &roomForm{Form: newForm(), t: t}
	f.number = f.Entry("0805")
	f.floor = f.Entry("8")
	f.kind = f.Entry(lang.L("supervisor.room_type_hint"))
	f.building = f.Entry("")
	f.section = f.Entry("")
	f.status = f.Entry("")
	f.Row(lang.L("supervisor.room_number"), "number", f.number)
	f.Row(lang.L("supervisor.room_floor"), "floor", f.floor)
	f.Row(lang.L("supervisor.room_type"), "type", f.kind)
	f.Row(lang.L("supervisor.room_building"), "building", f.building)
	f.Row(lang.L("supervisor.room_section"), "section", f.section)
	f.Row(lang.L("supervisor.room_status"), "status", f.status)
	f.Inline = true
	f.number.OnChanged = func(string) { f.fillListed() }
	f.Cancel = f.clear
	f.Submit = f.save
	return f
}

// fillListed fills the form with the listed room whose number was typed,
// so changing a room starts from what the list holds.
func (f *roomForm) fillListed() {
	l, err := f.t.s.Svc.Rooms()
	if err != nil {
		return
	}
	n := strings.TrimSpace(f.number.Text)
	for _, r := range l.Rooms {
		if r.Number == n {
			f.floor.SetText(strconv.Itoa(r.Floor))
			f.kind.SetText(r.Type)
			f.building.SetText(r.Building)
			f.section.SetText(r.Section)
			f.status.SetText(r.Status)
			return
		}
	}
}

func (f *roomForm) clear() {
	for _, e := range []*kit.Entry{f.number, f.floor, f.kind, f.building, f.section, f.status} {
		e.SetText("")
	}
	f.Errs.Clear()
}

func (f *roomForm) save() {
	floor, err := strconv.Atoi(strings.TrimSpace(f.floor.Text))
	if err != nil {
		f.Say("floor", lang.L("supervisor.room_floor_format", map[string]int{"Min": app.MinRoomFloor, "Max": app.MaxRoomFloor}))
		return
	}
	r := app.Room{Number: f.number.Text, Floor: floor, Type: f.kind.Text, Building: f.building.Text,
		Section: f.section.Text, Status: f.status.Text}
	_, err = f.t.s.Svc.SetRoom(f.t.s.UserID(), r)
	if saved(f.t.s, f.Form, err, "supervisor.room_saved", map[string]string{"Room": strings.TrimSpace(r.Number)}) {
		f.clear()
		f.t.refresh(nil)
	}
}
