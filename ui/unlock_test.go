package ui

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// unlockForm finds the passphrase entry and the button ShowUnlock shows.
func unlockForm(t *testing.T, e *kittest.Env) (*widget.Entry, *widget.Button) {
	t.Helper()
	var entry *widget.Entry
	var button *widget.Button
	kittest.Walk(e.Window.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Entry:
			entry = w
		case *widget.Button:
			button = w
		}
	})
	if entry == nil || button == nil {
		t.Fatal("no passphrase entry or button")
	}
	return entry, button
}

// TestUnlockAsksUntilThePassphraseOpens: the desk kept behind a passphrase
// asks for it in the desk's language, says so after a wrong one and asks
// again, refuses one longer than the limit without trying it, and opens
// the desk with the right one.
func TestUnlockAsksUntilThePassphraseOpens(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e := kittest.NewIn(t, language)
		useShotTheme(e)
		queue := make(chan func(), 4)
		var tries atomic.Int32
		var done []error
		ShowUnlock(e.Window, func(f func()) { queue <- f }, Unlock{Max: 11, Try: func(p string) error {
			tries.Add(1)
			if p != "二楼 night 12" {
				return ErrWrongPassphrase
			}
			return nil
		}}, func(err error) { done = append(done, err) })
		kittest.Shows(t, e.Window.Content(), lang.L("unlock.title"), lang.L("unlock.hint"), lang.L("unlock.button"))
		e.MatchShot(t, "unlock-"+language)
		entry, button := unlockForm(t, e)
		answer := func() {
			t.Helper()
			select {
			case f := <-queue:
				f()
			case <-time.After(10 * time.Second):
				t.Fatal("no answer from Try")
			}
		}

		test.Type(entry, "二楼 day 1234")
		test.Tap(button)
		answer()
		if !strings.Contains(kittest.Labels(e.Window.Content()), lang.L("unlock.wrong")) || entry.Text != "" || button.Disabled() || len(done) > 0 {
			t.Fatalf("%s: after a wrong passphrase: labels %q, entry %q, done %v", language, kittest.Labels(e.Window.Content()), entry.Text, done)
		}
		e.MatchShot(t, "unlock-wrong-"+language)

		test.Type(entry, "二楼 night 123") // 12 characters
		test.Tap(button)
		if tries.Load() != 1 || !strings.Contains(kittest.Labels(e.Window.Content()), lang.L("unlock.length", map[string]int{"Max": 11})) {
			t.Fatalf("%s: a passphrase over the limit was tried (%d tries)", language, tries.Load())
		}

		entry.SetText("二楼 night 12")
		test.Tap(button)
		answer()
		if len(done) != 1 || done[0] != nil {
			t.Fatalf("%s: the right passphrase: done %v", language, done)
		}
	}
}

// A failure other than the passphrase is handed on.
func TestUnlockHandsOnOtherFailures(t *testing.T) {
	e := kittest.NewIn(t, kit.English)
	broken := errors.New("the folder is held by another FloorDesk")
	queue := make(chan func(), 1)
	var done []error
	ShowUnlock(e.Window, func(f func()) { queue <- f }, Unlock{Max: 128, Try: func(string) error { return broken }},
		func(err error) { done = append(done, err) })
	entry, button := unlockForm(t, e)
	test.Type(entry, "any passphrase")
	test.Tap(button)
	select {
	case f := <-queue:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("no answer from Try")
	}
	if len(done) != 1 || !errors.Is(done[0], broken) {
		t.Fatalf("done %v, want the failure", done)
	}
}
