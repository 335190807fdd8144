package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// keyForm is a form like the key sign-out's: a choice, a typed field and a
// time checked as it is typed.
type keyForm struct {
	f       *kit.Form
	key     *widget.Select
	purpose *kit.Entry
	due     *kit.Entry
	w       fyne.Window
}

func newKeyForm(t *testing.T, e *kittest.Env) *keyForm {
	kf := &keyForm{f: kit.NewForm()}
	kf.key = widget.NewSelect([]string{"M01", "F03"}, nil)
	kf.purpose = kf.f.Entry("")
	kf.due = kf.f.Entry("")
	kf.f.Row("钥匙", "tag", kf.key)
	kf.f.Row("用途", "purpose", kf.purpose)
	kf.f.Row("归还时间", "due", kf.due)
	kf.f.Check(kf.due, "due", kit.CheckTime)
	e.Window.SetContent(kf.f.Content("领用钥匙", "领用"))
	kf.w = e.Window
	return kf
}

// missing is what a command says of a form left empty: both fields.
func missing() error {
	return app.FirstErr(app.Required("tag", ""), app.Required("purpose", ""))
}

func TestFormShowsEveryMissingFieldByName(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	kf := newKeyForm(t, e)
	kf.f.Fail(missing())
	if got := kf.f.Errs.Text("tag"); got != "请选择“钥匙”。" {
		t.Errorf("the key's error reads %q, want 请选择“钥匙”。", got)
	}
	if got := kf.f.Errs.Text("purpose"); got != "请填写“用途”。" {
		t.Errorf("the purpose's error reads %q, want 请填写“用途”。", got)
	}
	if got := kf.f.Errs.Text(""); got != "" {
		t.Errorf("the form's own line reads %q, want nothing", got)
	}
}

func TestFormErrorGoesOnceTheFieldIsRight(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	kf := newKeyForm(t, e)
	kf.f.Fail(missing())
	kf.key.SetSelected("M01")
	if got := kf.f.Errs.Text("tag"); got != "" {
		t.Errorf("a key was picked and its error still reads %q", got)
	}
	test.Type(kf.purpose, "x")
	test.Type(kf.due, "2026")
	if got := kf.f.Errs.Text("purpose"); got != "" {
		t.Errorf("a purpose was typed and its error still reads %q", got)
	}
	if kf.f.Errs.Text("due") == "" {
		t.Error("a half-typed time shows no error")
	}
	kf.purpose.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	kf.f.Fail(missing())
	kf.purpose.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if kf.f.Errs.Text("purpose") == "" {
		t.Error("the purpose is still empty and its error went")
	}
}

func TestFormDoesNotMoveWhenErrorsComeAndGo(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	kf := newKeyForm(t, e)
	before := positions(kf)
	kf.f.Fail(missing())
	kf.f.Errs.SetForm("服务器没有应答。")
	if after := positions(kf); after != before {
		t.Errorf("errors moved the form: due entry and save button at %v, were at %v", after, before)
	}
	kf.f.Fail(nil)
	if after := positions(kf); after != before {
		t.Errorf("clearing errors moved the form: %v, were %v", after, before)
	}
}

func positions(kf *keyForm) [2]fyne.Position {
	d := fyne.CurrentApp().Driver()
	return [2]fyne.Position{d.AbsolutePositionForObject(kf.due), d.AbsolutePositionForObject(kf.f.Save)}
}

// TestTabSkipsThePINsEye: Tab from a form's PIN goes to the next field,
// not to the eye that shows the PIN.
func TestTabSkipsThePINsEye(t *testing.T) {
	f := kit.NewForm()
	pin := f.Entry("")
	pin.Password = true
	next := f.Entry("")
	f.Row("PIN", "pin", pin)
	f.Row("Note", "note", next)
	w := test.NewWindow(f.Content("Sign", "OK"))
	t.Cleanup(w.Close)
	w.Canvas().Focus(pin)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != next {
		t.Errorf("Tab from the PIN went to %T, not the next field", w.Canvas().Focused())
	}
}

// TestAChoiceLeftEmptyIsAskedForByName: the domain's "not one of
// electronics, documents…" for a drop-down left empty or holding a stale
// option reads as 请选择“类别”, never as the option codes.
func TestAChoiceLeftEmptyIsAskedForByName(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	f := kit.NewForm()
	cat := kit.NewChoice([]string{"衣物", "证件"}, nil)
	f.Row("类别", "category", cat)
	e.Window.SetContent(f.Content("登记", "保存"))
	for _, err := range []error{app.Choice("category", "", "clothing", "documents"), app.Choice("category", "x", "clothing", "documents")} {
		f.Fail(err)
		if got := f.Errs.Text("category"); got != "请选择“类别”。" {
			t.Errorf("%v reads %q, want 请选择“类别”。", err, got)
		}
	}
}

// TestEscOnAChoiceCancelsTheForm: with a drop-down holding the keyboard
// (its list closed), Esc cancels the form as it does in a typed field.
func TestEscOnAChoiceCancelsTheForm(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	f := kit.NewForm()
	cat := kit.NewChoice([]string{"衣物", "证件"}, nil)
	f.Row("类别", "category", cat)
	cancelled := 0
	f.Cancel = func() { cancelled++ }
	e.Window.SetContent(f.Content("登记", "保存"))
	e.Window.Canvas().Focus(cat)
	cat.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if cancelled != 1 {
		t.Errorf("Esc on the drop-down cancelled the form %d times, want 1", cancelled)
	}
}
