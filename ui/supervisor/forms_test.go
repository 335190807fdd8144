package supervisor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestAddStaffAsksForEveryMissingFieldByName: a new staff member sent
// empty is asked for the number, the name, the department and the PIN at
// once, the department as a choice.
func TestAddStaffAsksForEveryMissingFieldByName(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	e.Supervisor(t)
	e.SignIn(t, "S01")
	sc := newScreen(e.Session, e.Svc, backupsOf(e), reporterOf(e))
	e.Window.SetContent(sc.Content())
	sc.staff.showAdd()
	f := sc.staff.addForm
	test.Tap(f.Save)
	for field, want := range map[string]string{"number": "请填写“工号”。", "name": "请填写“姓名”。", "department": "请选择“部门”。"} {
		if got := f.Errs.Text(field); got != want {
			t.Errorf("%s says %q, want %q", field, got, want)
		}
	}
	if f.Errs.Text("pin") == "" {
		t.Error("the missing PIN is not said with the rest")
	}
}

// TestStaffFormDropDownsAnswerTheKeyboard: on the add-staff form the
// department is picked by typing its pinyin initials and Enter, like
// every list of the desk.
func TestStaffFormDropDownsAnswerTheKeyboard(t *testing.T) {
	e, sc := chineseDesk(t)
	sc.staff.showAdd()
	f := sc.staff.addForm
	e.Window.Canvas().Focus(f.dept)
	f.dept.TypedRune('k')
	test.Type(f.dept.Search(), "f")
	f.dept.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.dept.Selected != "客房部" {
		t.Errorf("typing kf and Enter picked %q, want 客房部 (options %v)", f.dept.Selected, f.dept.Options)
	}
}
