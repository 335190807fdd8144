package keys

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// idTypes are the ID documents a door opening accepts, as the domain
// names them.
var idTypes = []string{"id_card", "passport", "hk_macau_permit", "taiwan_permit", "residence_permit", "other"}

// doorDays is how far back the door-openings list goes.
const doorDays = 7

// doorForm records a locked-out guest's door opening.
type doorForm struct {
	*kit.Form
	sc                 *Screen
	room, guest, last4 *kit.Entry
	noteE              *kit.Entry
	idType             *kit.Choice
	openedBy           *kit.Choice
}

// showDoors shows the door-opening form above the recent openings; the
// openings are built again as they and the staff who opened change.
func (sc *Screen) showDoors() { sc.openDoors() }

func (sc *Screen) openDoors() *doorForm {
	sc.names.Load()
	f := &doorForm{Form: kit.NewForm(), sc: sc}
	f.room = f.Entry(lang.L("keys.room_hint"))
	f.guest = f.Entry("")
	f.idType = kit.NewSelect(idTypeNames(), nil)
	f.idType.SetSelectedIndex(0)
	f.last4 = f.Entry(lang.L("keys.last4_hint"))
	f.openedBy = kit.NewChoice(sc.names.choices(), nil)
	f.openedBy.PlaceHolder = lang.L("keys.pick_staff")
	f.openedBy.SetSelected(sc.names.choiceOf(sc.s.UserID()))
	f.noteE = f.Entry("")
	f.layout()
	list := container.NewStack()
	split := container.NewVSplit(f.Content(lang.L("keys.door_title"), lang.L("keys.door_save")), list)
	split.Offset = 0.62
	sc.Pane().SetView(func() (fyne.CanvasObject, *container.Scroll) {
		scroll := sc.doorList()
		list.Objects = []fyne.CanvasObject{scroll}
		list.Refresh()
		return split, scroll
	}, kit.KindDoor, kit.KindStaff)
	sc.s.Window.Canvas().Focus(f.room)
	return f
}

func (f *doorForm) layout() {
	f.Row(lang.L("keys.room"), "room", f.room)
	f.Row(lang.L("keys.guest"), "guest", f.guest)
	f.Row(lang.L("keys.id_type"), "id_type", f.idType)
	f.Row(lang.L("keys.last4"), "id_last4", f.last4)
	f.Row(lang.L("keys.opened_by"), "opened_by", f.openedBy)
	f.Row(lang.L("keys.note"), "note", f.noteE)
	f.Check(f.last4, "id_last4", checkLast4)
	f.Check(f.room, "room", nil)
	f.Check(f.guest, "guest", nil)
	f.Submit, f.Cancel = f.record, f.sc.closePane
}

// checkLast4 stops a whole ID number as it is typed.
func checkLast4(s string) string {
	if len([]rune(s)) > 4 {
		return lang.L("refusal.door.id_last4")
	}
	return ""
}

func idTypeNames() []string {
	out := make([]string, len(idTypes))
	for i, t := range idTypes {
		out[i] = lang.L("keys.id." + t)
	}
	return out
}

func (f *doorForm) record() {
	in := appkeys.DoorOpeningInput{Room: f.room.Text, Guest: f.guest.Text,
		IDType: idTypes[max(0, f.idType.SelectedIndex())], IDLast4: f.last4.Text,
		OpenedBy: f.sc.names.idOf(f.openedBy.Selected), Note: f.noteE.Text}
	d, err := f.sc.svc.OpenDoor(f.sc.s.UserID(), in)
	if err != nil {
		f.Fail(err)
		return
	}
	f.sc.s.Notify(lang.L("keys.saved_door", map[string]string{"Room": d.Room}))
	f.sc.openDoors()
}

// doorList lists the door openings of the last doorDays days, newest
// first.
func (sc *Screen) doorList() *container.Scroll {
	now := sc.s.Now()
	list, err := sc.svc.DoorOpenings(now.AddDate(0, 0, -doorDays), now.Add(time.Minute), "")
	head := container.NewBorder(nil, nil, nil, container.NewHBox(kit.TableExportButton(sc.s, sc.doorsTable), sc.printDoorsButton()), kit.Heading(lang.L("keys.doors_recent", map[string]int{"Days": doorDays})))
	box := container.NewVBox(head)
	if err != nil {
		box.Add(kit.Note(kit.Say(err)))
	}
	for i := len(list) - 1; i >= 0; i-- {
		box.Add(widget.NewLabel(sc.doorText(list[i])))
	}
	if len(list) == 0 {
		box.Add(kit.Note(lang.L("keys.no_doors")))
	}
	return container.NewVScroll(box)
}

// doorText is one opening: when, room, guest, ID checked, who opened.
func (sc *Screen) doorText(d appkeys.DoorOpening) string {
	return lang.L("keys.door_line", map[string]string{"When": kit.When(d.At, sc.s.Now()), "Room": d.Room,
		"Guest": d.Guest, "ID": lang.L("keys.id." + d.IDType), "Last4": d.IDLast4,
		"By": sc.names.Name(d.OpenedBy)})
}
