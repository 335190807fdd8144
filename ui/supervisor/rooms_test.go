package supervisor

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/assets"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// chineseDesk opens the screen in Chinese for supervisor S01.
func chineseDesk(t *testing.T) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, kit.Chinese)
	e.Supervisor(t)
	e.SignIn(t, "S01")
	sc := newScreen(e.Session, e.Svc, backupsOf(e), reporterOf(e))
	e.Window.SetContent(sc.Content())
	return e, sc
}

// TestGBKRoomListPreviewInChinese: the file Excel on Chinese Windows
// saves as "CSV" shows its rooms with their Chinese types and says, in
// Chinese, how it was read; nothing is saved until it is confirmed, then
// the types are stored as typed.
func TestGBKRoomListPreviewInChinese(t *testing.T) {
	e, sc := chineseDesk(t)
	b, err := os.ReadFile("../../app/testdata/rooms/gbk-crlf.csv")
	if err != nil {
		t.Fatal(err)
	}
	sc.rooms.showPreview("房间表.csv", b)
	shown := dialogText(e.Window)
	for _, want := range []string{"房间表：3 间房，8–9 层", "文件编码为 GB18030", "确认导入之前不会保存"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview does not say %q:\n%s", want, shown)
		}
	}
	if l, _ := e.Svc.Rooms(); len(l.Rooms) != 0 {
		t.Fatalf("%d rooms saved before the preview was confirmed", len(l.Rooms))
	}
	sc.rooms.pending.Preview.Confirm()
	l, _ := e.Svc.Rooms()
	if len(l.Rooms) != 3 || l.Rooms[0] != (app.Room{Number: "0801", Floor: 8, Type: "豪华大床房"}) {
		t.Fatalf("stored %+v", l.Rooms)
	}
}

// TestRoomListRefusalsInChinese: a file the desk could misread is refused
// in Chinese, saying what to add; so is a file over a limit.
func TestRoomListRefusalsInChinese(t *testing.T) {
	_, sc := chineseDesk(t)
	tests := []struct{ file, want string }{
		{"房号,楼层,房型\n0801,八,大床房\n", "第 2 行：楼层“八”不是数字"},
		{"房号,楼层,房型\n" + strings.Repeat("0801,8,大床房\n", 10_001), "文件超过 10000 行"},
		{"房号,楼层,房型\n0801,8,\"大床房\n", "文件第 2 行无法读取"},
	}
	for _, tt := range tests {
		sc.rooms.showPreview("rooms.csv", []byte(tt.file))
		if got := sc.rooms.imp.Errs.Text("file"); !strings.Contains(got, tt.want) {
			t.Errorf("refused with %q, want %q", got, tt.want)
		}
	}
}

// TestRoomNotesAreTranslated: every note a preview may hold has its text
// in every language.
func TestRoomNotesAreTranslated(t *testing.T) {
	for _, l := range assets.Languages {
		table, err := assets.Table(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range app.RoomNoteCodes {
			if table["rooms.note."+code] == "" {
				t.Errorf("%s.json: rooms.note.%s is missing", l, code)
			}
		}
	}
}

// dialogText is the text of the labels of the dialog on top of w.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

// TestARoomIsAddedAndChangedOnTheRoomsTab: the supervisor adds room 0805
// by hand, then types 0801's number, sees its type filled in and changes
// it; a floor that is not a number is refused at its field, in Chinese.
func TestARoomIsAddedAndChangedOnTheRoomsTab(t *testing.T) {
	e, sc := chineseDesk(t)
	if _, err := e.Svc.ImportRooms("S01", "房间表", strings.NewReader("房号,楼层,房型\n0801,8,豪华大床房\n")); err != nil {
		t.Fatal(err)
	}
	f := sc.rooms.roomForm
	test.Type(f.number, "0805")
	test.Type(f.floor, "八")
	test.Type(f.kind, "标准双床房")
	f.Submit()
	if got := f.Errs.For("floor").Text; !strings.Contains(got, "请输入楼层整数") {
		t.Errorf("a floor typed in words is not refused at its field: %q", got)
	}
	if l, _ := e.Svc.Rooms(); len(l.Rooms) != 1 {
		t.Fatalf("a refused room was saved: %+v", l.Rooms)
	}
	f.floor.SetText("8")
	f.Submit()
	f.number.SetText("0801")
	if f.kind.Text != "豪华大床房" || f.floor.Text != "8" {
		t.Fatalf("typing a listed number filled in %q on floor %q", f.kind.Text, f.floor.Text)
	}
	f.kind.SetText("行政大床房")
	f.Submit()
	l, _ := e.Svc.Rooms()
	want := []app.Room{{Number: "0801", Floor: 8, Type: "行政大床房"}, {Number: "0805", Floor: 8, Type: "标准双床房"}}
	if !reflect.DeepEqual(l.Rooms, want) {
		t.Errorf("rooms %+v, want %+v", l.Rooms, want)
	}
	if f.number.Text != "" {
		t.Errorf("the form keeps %q after saving", f.number.Text)
	}
}
