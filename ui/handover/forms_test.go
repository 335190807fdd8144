package handover

import (
	"testing"

	appkeys "floordesk/app/keys"
)

// TestAnImpossibleKeyCountIsRefused: 40 keys counted on a board of two is
// refused beside the count, saying how many hang there; 2 is taken.
func TestAnImpossibleKeyCountIsRefused(t *testing.T) {
	d := newDesk(t)
	for _, tag := range []string{"F3-MASTER", "F3-SEC-A"} {
		if _, err := d.env.Svc.RegisterKey("S01", appkeys.NewKey{Tag: tag, Type: appkeys.KeySection}); err != nil {
			t.Fatal(err)
		}
	}
	d.prepare("40")
	if d.sc.view != nil {
		t.Fatal("a handover was prepared with 40 keys counted on a board of 2")
	}
	want := "40 keys counted, but only 2 keys hang on this desk's board — count again."
	if got := d.sc.prepare.errs.Text("keys_counted"); got != want {
		t.Errorf("the count's error reads %q, want %q", got, want)
	}
	d.sc.prepare.keys.SetText("")
	d.prepare("2")
	if d.sc.view == nil {
		t.Fatalf("2 keys of 2 refused: %q %q", d.sc.prepare.errs.Text("keys_counted"), d.sc.prepare.errs.Text(""))
	}
}
