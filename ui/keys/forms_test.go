package keys

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
)

// TestSignOutShowsEveryWrongFieldAtOnce: a master key's sign-out sent with
// no purpose and no witness says both; picking the witness takes its error
// away and leaves the purpose's.
func TestSignOutShowsEveryWrongFieldAtOnce(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openSignOut("F3-MASTER")
	test.Tap(f.Save)
	if got := f.Errs.Text("purpose"); got != "请填写“用途”。" {
		t.Errorf("purpose error %q, want 请填写“用途”。", got)
	}
	if f.Errs.Text("witness") == "" {
		t.Fatal("no witness error beside the purpose's")
	}
	f.witness.SetSelected("A02 Zhang Wei")
	if got := f.Errs.Text("witness"); got != "" {
		t.Errorf("a witness was picked and the error still reads %q", got)
	}
	if f.Errs.Text("purpose") == "" {
		t.Error("the purpose is still empty and its error went")
	}
}

// TestSignOutWithoutAKeyAsksToChooseOne: no key picked reads 请选择, with
// the other missing fields beside it.
func TestSignOutWithoutAKeyAsksToChooseOne(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openSignOut("")
	test.Tap(f.Save)
	if got := f.Errs.Text("tag"); got != "请选择“钥匙”。" {
		t.Errorf("key error %q, want 请选择“钥匙”。", got)
	}
	if f.Errs.Text("purpose") == "" {
		t.Error("the missing purpose is not said beside the missing key")
	}
}
