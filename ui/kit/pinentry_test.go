package kit

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPINEntryTakesDigitsOnly(t *testing.T) {
	test.NewTempApp(t)
	e := NewPINEntry()
	test.Type(e, " 12a3４4\n")
	if e.Text != "1234" {
		t.Errorf("typed \" 12a3４4\" reads %q, want 1234", e.Text)
	}
	if !e.Password {
		t.Error("the PIN shows as typed")
	}
}
