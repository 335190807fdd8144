package requests

import (
	"fmt"
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
)

// TestRequestForAPublicArea: a guest in the lobby, a problem in a
// corridor: a request is for one of the hotel's areas instead of a room,
// with the guest's contact; it lists where it is for. A request for both,
// for neither, for an area not on the list, or a wake-up call without a
// room is refused, naming the field.
func TestRequestForAPublicArea(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	lobby := NewRequest{Area: "大堂", Guest: "王先生", Contact: "138 0000 1234", Kind: RequestService,
		Description: "taxi to the airport at 15:00"}
	r := openReq(f, lobby)
	if r.Room != "" || r.Area != "大堂" || r.Contact != "138 0000 1234" || r.Where() != "大堂" {
		t.Fatalf("request = room %q area %q contact %q", r.Room, r.Area, r.Contact)
	}
	rows, _ := f.Svc.OpenRequests("")
	if len(rows) != 1 || rows[0].Where() != "大堂" {
		t.Fatalf("open requests = %+v", rows)
	}

	both := lobby
	both.Room = "0801"
	_, err := f.Svc.OpenRequest(apptest.AttID, both)
	apptest.WantRefusal(t, err, app.ErrInvalid, "request.room_or_area")
	neither := lobby
	neither.Area = ""
	_, err = f.Svc.OpenRequest(apptest.AttID, neither)
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	unknown := lobby
	unknown.Area = "屋顶花园"
	_, err = f.Svc.OpenRequest(apptest.AttID, unknown)
	apptest.WantRefusal(t, err, app.ErrInvalid, "area.unknown")
	wake := lobby
	wake.Kind = RequestWakeUp
	_, err = f.Svc.OpenRequest(apptest.AttID, wake)
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	long := lobby
	long.Contact = strings.Repeat("1", MaxContactRunes+1)
	_, err = f.Svc.OpenRequest(apptest.AttID, long)
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
}

// TestHotelAreasAtTheirLimits: a supervisor's list of areas is taken up
// to MaxAreas names of up to MaxAreaRunes characters, each once; beyond
// either, or twice, it is refused and the list stays as it was.
func TestHotelAreasAtTheirLimits(t *testing.T) {
	f := newFixture(t)
	set := func(areas []string) error {
		_, err := f.Svc.ChangeSettings(apptest.SupID, app.HotelChange{Areas: &areas})
		return err
	}
	many := make([]string, app.MaxAreas)
	for i := range many {
		many[i] = fmt.Sprintf("%d楼走廊", i+1)
	}
	if err := set(many); err != nil {
		t.Fatalf("%d areas: %v", app.MaxAreas, err)
	}
	apptest.WantRefusal(t, set(append(many, "屋顶花园")), app.ErrInvalid, "areas.too_many")
	if err := set([]string{strings.Repeat("区", app.MaxAreaRunes)}); err != nil {
		t.Fatalf("a name of %d characters: %v", app.MaxAreaRunes, err)
	}
	apptest.WantRefusal(t, set([]string{strings.Repeat("区", app.MaxAreaRunes+1)}), app.ErrInvalid, "field.too_long")
	apptest.WantRefusal(t, set([]string{"大堂", "餐厅", "大堂"}), app.ErrInvalid, "areas.duplicate")
	if got := f.Svc.HotelAreas(); len(got) != 1 || got[0] != strings.Repeat("区", app.MaxAreaRunes) {
		t.Errorf("after the refusals the list is %d areas", len(got))
	}
}
