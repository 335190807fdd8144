package loans

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
)

// TestPickingAnItemAddsIt: picking an item type adds its line with no
// click on Add; the count typed next is that line's; the next pick is a
// line of its own, and the loan lends what the lines say.
func TestPickingAnItemAddsIt(t *testing.T) {
	e, sc := world(t, kit.Chinese)
	f := sc.openLendForm()
	test.Type(f.room, "301")
	f.item.SetSelected("熨斗")
	if len(f.lines) != 1 || f.lines[0].Count != 1 {
		t.Fatalf("after picking 熨斗 the lines are %+v", f.lines)
	}
	test.Type(f.count, "2")
	f.item.SetSelected("吹风机")
	if len(f.lines) != 2 || f.lines[0].Count != 2 || f.lines[1].Count != 1 {
		t.Fatalf("after a count of 2 and picking 吹风机 the lines are %+v", f.lines)
	}
	test.Tap(f.Save)
	if f.Errs.Any() {
		t.Fatalf("the loan was refused: %q %q", f.Errs.Text("items"), f.Errs.Text(""))
	}
	l, _ := e.Svc.Loan(sc.List().IDs()[0])
	got := map[string]int{}
	for _, ln := range l.Lines {
		got[ln.Item] = ln.Count
	}
	if len(got) != 2 || got["iron"] != 2 || got["hair_dryer"] != 1 {
		t.Errorf("the loan lends %v, want 2 irons and 1 hair dryer", got)
	}
}
