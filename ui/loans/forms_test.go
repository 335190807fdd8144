package loans

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
)

// TestReturnSaysWhichAmountDoesNotRead: a charge typed "8o" is refused
// under its own line, naming the charge; the other line's count, out of
// range, is said under that line at the same time; putting the charge
// right takes its error away.
func TestReturnSaysWhichAmountDoesNotRead(t *testing.T) {
	e, sc := world(t, kit.Chinese)
	f := sc.openLendForm()
	fillLend(f, "301", "王芳", "熨斗", "2")
	f.addPicked()
	f.item.SetSelected("吹风机")
	f.count.SetText("1")
	f.addPicked()
	test.Tap(f.Save)
	id := sc.List().IDs()[0]
	r := sc.openReturnForm(id)
	if len(r.lines) != 2 {
		t.Fatalf("return form has %d lines, want 2", len(r.lines))
	}
	iron, dryer := r.lines[0], r.lines[1]
	if iron.line.Item != "iron" {
		iron, dryer = dryer, iron
	}
	test.Type(iron.charge, "8o")
	dryer.count.SetText("")
	test.Type(dryer.count, "5")
	test.Tap(r.Save)
	if got := r.Errs.Text(lineField("iron")); got != "赔偿金额：请填写金额（元），如 8 或 12.5。" {
		t.Errorf("the iron's line says %q", got)
	}
	if got := r.Errs.Text(lineField("hair_dryer")); got != "数量：请填写 0 到 1 的整数（未归还的填 0）。" {
		t.Errorf("the hair dryer's line says %q", got)
	}
	iron.charge.SetText("")
	test.Type(iron.charge, "8")
	if got := r.Errs.Text(lineField("iron")); got != "" {
		t.Errorf("the charge reads now and its line still says %q", got)
	}
	if l, _ := e.Svc.Loan(id); !l.IsOpen() || l.Charges != 0 {
		t.Errorf("a refused return changed the loan: %+v", l)
	}
}

// TestRoomRefusalDoesNotNameTheFile: a room not on the list is refused
// beside the room, in the desk's words, without the file the list came
// from.
func TestRoomRefusalDoesNotNameTheFile(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openLendForm()
	fillLend(f, "999", "王芳", "熨斗", "1")
	test.Tap(f.Save)
	got := f.Errs.Text("room")
	if got != "房号 999 不在酒店的房间列表中——请核对房号；新房间由主管在“主管 › 房间与服务台”中添加。" {
		t.Errorf("the room's error reads %q", got)
	}
}
