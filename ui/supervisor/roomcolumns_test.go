package supervisor

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"floordesk/app"
)

func readRoomFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../app/testdata/rooms/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTheDeskAsksWhichColumnIsWhich: a GBK file without a header, room
// number first (as Excel on Chinese Windows saves it), is not refused:
// the desk shows its first lines and asks, in Chinese; a pick without
// the room type is asked again saying why; the right pick shows the
// rooms to confirm, and only the confirmation saves them. On the code
// before this step the file was refused with "add a header".
func TestTheDeskAsksWhichColumnIsWhich(t *testing.T) {
	e, sc := chineseDesk(t)
	sc.rooms.showPreview("房间表.csv", readRoomFile(t, "gbk-no-header-room-first.csv"))
	if got := sc.rooms.imp.Errs.Text("file"); got != "" {
		t.Fatalf("refused: %q", got)
	}
	im := sc.rooms.pending
	if im == nil || im.Columns == nil {
		t.Fatal("the desk did not ask which column is which")
	}
	shown := dialogText(e.Window)
	for _, want := range []string{"请指定各列内容", "没有系统能识别的表头", "0801", "豪华大床房"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the column dialog does not show %q:\n%s", want, shown)
		}
	}
	c := im.Columns
	if got := c.Fields["room"].Options[1]; got != "A: 0801, 0802, 0901" {
		t.Errorf("column A is offered as %q", got)
	}
	c.Pick("room", 0)
	c.Pick("floor", 1)
	c.Read()
	if !strings.Contains(c.Why(), "请选择房型所在的列") || im.Preview != nil {
		t.Fatalf("a pick without the type: says %q, preview %v", c.Why(), im.Preview)
	}
	c.Pick("type", 2)
	c.Read()
	if im.Preview == nil {
		t.Fatalf("no preview after the right pick; the picker says %q", c.Why())
	}
	shown = dialogText(e.Window)
	for _, want := range []string{"房间表：3 间房，8–9 层", "已按您指定的列读取", "确认导入之前不会保存"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview does not say %q:\n%s", want, shown)
		}
	}
	if l, _ := e.Svc.Rooms(); len(l.Rooms) != 0 {
		t.Fatalf("%d rooms saved before the preview was confirmed", len(l.Rooms))
	}
	im.Preview.Confirm()
	l, _ := e.Svc.Rooms()
	want := []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房"}, {Number: "0802", Floor: 8, Type: "标准双床房"}, {Number: "0901", Floor: 9, Type: "行政套房"}}
	if !reflect.DeepEqual(l.Rooms, want) {
		t.Fatalf("stored %+v", l.Rooms)
	}
}

// TestAHeaderTheDeskDoesNotKnow: a workbook whose header names its
// columns in words the desk does not know is read with the columns
// picked, the header skipped and shown beside each column's values.
func TestAHeaderTheDeskDoesNotKnow(t *testing.T) {
	e, sc := chineseDesk(t)
	sc.rooms.showPreview("rooms.xlsx", readRoomFile(t, "unknown-header.xlsx"))
	im := sc.rooms.pending
	if im == nil || im.Columns == nil {
		t.Fatalf("the desk did not ask; refused with %q", sc.rooms.imp.Errs.Text("file"))
	}
	c := im.Columns
	if !c.Header.Checked || c.Fields["room"].Options[1] != "A · 房间编码: 0801, 0802, 1201" || c.Fields["building"].Selected != c.Fields["building"].Options[4] {
		t.Fatalf("header %v, column A offered as %q, building guessed %q", c.Header.Checked, c.Fields["room"].Options[1], c.Fields["building"].Selected)
	}
	c.Header.SetChecked(false)
	if got := c.Fields["room"].Options[1]; got != "A: 房间编码, 0801, 0802, 1201" {
		t.Errorf("without the header, column A is offered as %q", got)
	}
	c.Header.SetChecked(true)
	c.Pick("room", 0)
	c.Pick("floor", 1)
	c.Pick("type", 2)
	c.Read()
	if im.Preview == nil {
		t.Fatalf("no preview; the picker says %q", c.Why())
	}
	im.Preview.Confirm()
	l, _ := e.Svc.Rooms()
	if len(l.Rooms) != 3 || l.Rooms[2] != (app.Room{Number: "1201", Floor: 12, Type: "行政套房", Building: "B座"}) {
		t.Fatalf("stored %+v", l.Rooms)
	}
}

// TestAPickedColumnTwiceIsAskedAgain: a file whose lines read two ways
// (two lists pasted together) is asked about, naming the line; a column
// picked twice is asked again. Before this step the file was stored
// with a room "8" on floor 802.
func TestAPickedColumnTwiceIsAskedAgain(t *testing.T) {
	e, sc := chineseDesk(t)
	sc.rooms.showPreview("mixed.csv", readRoomFile(t, "no-header-mixed.csv"))
	im := sc.rooms.pending
	if im == nil || im.Columns == nil {
		t.Fatalf("a file whose lines read two ways was not asked about; refused %q", sc.rooms.imp.Errs.Text("file"))
	}
	if !strings.Contains(im.Columns.Why(), "第 2 行") {
		t.Errorf("the picker says %q, not which line reads two ways", im.Columns.Why())
	}
	im.Columns.Pick("room", 1)
	im.Columns.Pick("floor", 1)
	im.Columns.Pick("type", 2)
	im.Columns.Read()
	if !strings.Contains(im.Columns.Why(), "第 B 列被选了两次") {
		t.Errorf("picked B twice: %q", im.Columns.Why())
	}
	if l, _ := e.Svc.Rooms(); len(l.Rooms) != 0 {
		t.Fatal("rooms saved")
	}
}

// TestScreenshotOfTheColumnPicker compares the column dialog, in
// Chinese, for a workbook with a header the desk does not know, with its
// golden shot. Run with -update-shots after a change meant to alter it.
func TestScreenshotOfTheColumnPicker(t *testing.T) {
	e, sc := chineseDesk(t)
	e.UseFontTheme()
	sc.rooms.showPreview("rooms.xlsx", readRoomFile(t, "unknown-header.xlsx"))
	sc.rooms.pending.Columns.Pick("room", 0)
	e.MatchShot(t, "supervisor-room-columns-zh")
}
