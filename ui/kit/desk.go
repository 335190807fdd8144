package kit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// SettingDeskCode is the local setting naming this PC's desk in the hotel
// set-up. Each PC names its own desk, so the setting does not sync.
const SettingDeskCode = "desk.code"

// UseDesk makes code, one of the hotel's desks, this PC's desk: it is kept
// in the local settings and the service files loans, keys and requests
// made here under it from now on; records made before stay with the desk
// they were made at. It returns the desk. A code that names none of the
// hotel's desks is refused with an app.ErrNotFound refusal
// ("desk.not_found") and changes nothing. Call it on the Fyne goroutine:
// the service's DeskCode is read there.
//
// Saving the setting tells the store's change feed, which is how the
// shell learns that the desk changed.
func (s *Session) UseDesk(code string) (app.Desk, error) {
	desk, ok, err := FindDesk(s.Svc, code)
	if err != nil {
		return app.Desk{}, err
	}
	if !ok {
		return app.Desk{}, &app.Refusal{Code: "desk.not_found", Params: map[string]string{"kind": KindDesk, "id": code}, Err: app.ErrNotFound}
	}
	if err := s.Svc.SetLocalSetting(SettingDeskCode, desk.Code); err != nil {
		return app.Desk{}, fmt.Errorf("use desk %s: %w", desk.Code, err)
	}
	s.Svc.ConfigureDesk(desk.Code)
	return desk, nil
}

// FindDesk returns the hotel's desk with code, read afresh, and whether
// there is one.
func FindDesk(svc DeskLister, code string) (app.Desk, bool, error) {
	desks, err := svc.Desks()
	if err != nil {
		return app.Desk{}, false, err
	}
	if i := slices.IndexFunc(desks, func(d app.Desk) bool { return d.Code == code }); i >= 0 {
		return desks[i], true, nil
	}
	return app.Desk{}, false, nil
}

// DeskList lists the hotel's desks to pick one from: each row shows a
// desk's name, floors and code, and the row's ID is the code. Use it on
// the Fyne goroutine.
type DeskList struct {
	*IDList
	svc   DeskLister
	desks map[string]app.Desk
}

// NewDeskList returns the list of svc's desks, read once; Reload reads
// them again.
func NewDeskList(svc DeskLister) *DeskList {
	l := &DeskList{svc: svc, desks: map[string]app.Desk{}}
	l.IDList = NewIDList(func() fyne.CanvasObject { return NewRow() }, l.fillRow)
	l.Reload()
	return l
}

// Reload lists the hotel's desks again (more may arrive by sync), keeping
// the selection while its desk is still there. On an error the list stays
// as it was.
func (l *DeskList) Reload() error {
	desks, err := l.svc.Desks()
	if err != nil {
		return err
	}
	ids := make([]string, len(desks))
	for i, d := range desks {
		l.desks[d.Code] = d
		ids[i] = d.Code
	}
	l.SetIDs(ids)
	return nil
}

// Desk is the listed desk with code.
func (l *DeskList) Desk(code string) (app.Desk, bool) {
	d, ok := l.desks[code]
	return d, ok
}

// Height is the height that shows up to rows desks without scrolling
// (at least one row's).
func (l *DeskList) Height(rows int) float32 {
	row := NewRow()
	if ids := l.IDs(); len(ids) > 0 {
		l.fillRow(ids[0], row) // a row's height depends on the script it shows
	}
	n := float32(min(max(l.Len(), 1), rows))
	return n*row.MinSize().Height + (n-1)*theme.Padding() // widget.List puts a padding between rows
}

func (l *DeskList) fillRow(code string, o fyne.CanvasObject) {
	d := l.desks[code]
	o.(*Row).Set(d.Name, floorsText(d.Floors), d.Code, widget.MediumImportance)
}

// floorsText is "Floors 3, 4", or "" for a desk without floors.
func floorsText(floors []int) string {
	if len(floors) == 0 {
		return ""
	}
	s := make([]string, len(floors))
	for i, f := range floors {
		s[i] = strconv.Itoa(f)
	}
	return lang.L("join.desk_floors", map[string]string{"Floors": strings.Join(s, lang.L("join.list_sep"))})
}

// DeskLister lists the hotel's service desks (the core service does).
type DeskLister interface {
	Desks() ([]app.Desk, error)
}

// DeskName is the name of the hotel's desk with code ("三楼服务台"), for
// showing where a record was made; the code itself when the desk is not
// (yet) in the set-up or has no name, and "" for "".
func (s *Session) DeskName(code string) string {
	if code == "" || s.Svc == nil {
		return code
	}
	if d, ok, err := FindDesk(s.Svc, code); err == nil && ok && d.Name != "" {
		return d.Name
	}
	return code
}
