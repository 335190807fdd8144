package kit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// PINGrace is how long a PIN given (at sign-in or when asked again) covers
// a supervisor's changes to the key register, the staff or the settings:
// a supervisor making several changes in a row gives it once; one who
// walked away from a signed-in desk has to give it again.
const PINGrace = 2 * time.Minute

// WithPIN runs change, a supervisor's change to the key register, the
// staff or the settings, once the person at the desk has given their PIN
// within PINGrace; otherwise it asks for the PIN first. A wrong PIN counts
// towards the lock-out as at sign-in, is said in the dialog and runs
// nothing; the form behind keeps what was typed. Call it on the Fyne
// goroutine.
func (s *Session) WithPIN(change func()) {
	s.mu.Lock()
	fresh := !s.pinAt.IsZero() && s.Now().Sub(s.pinAt) < PINGrace
	s.mu.Unlock()
	if fresh {
		change()
		return
	}
	s.askPIN(change)
}

// askPIN shows the dialog asking the signed-in person's PIN again.
func (s *Session) askPIN(change func()) {
	pin := NewPINEntry()
	said := widget.NewLabel("")
	said.Importance = widget.DangerImportance
	said.Wrapping = fyne.TextWrapWord
	said.Hide()
	body := container.NewVBox(widget.NewLabel(lang.L("kit.repin_why")), pin, said)
	var d *dialog.ConfirmDialog
	check := func() {
		if _, err := s.Svc.Login(s.UserID(), pin.Text); err != nil {
			pin.SetText("")
			said.SetText(Say(err))
			said.Show()
			s.setAsking(pin)
			d.Show() // the dialog stays for another try
			return
		}
		s.mu.Lock()
		s.pinAt = s.Now()
		s.mu.Unlock()
		change()
	}
	d = dialog.NewCustomConfirm(lang.L("kit.repin_title"), lang.L("kit.repin_ok"), lang.L("Cancel"), body,
		func(ok bool) {
			s.setAsking(nil)
			if ok {
				check()
			}
		}, s.Window)
	pin.OnSubmitted = func(string) { d.Hide(); check() }
	d.Resize(fyne.NewSize(420, 0))
	s.setAsking(pin)
	d.Show()
	if s.Window != nil {
		s.Window.Canvas().Focus(pin)
	}
}

// AskingPIN is the PIN entry of the dialog WithPIN shows, while it shows;
// nil otherwise.
func (s *Session) AskingPIN() *PINEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.asking
}

func (s *Session) setAsking(pin *PINEntry) {
	s.mu.Lock()
	s.asking = pin
	s.mu.Unlock()
}
