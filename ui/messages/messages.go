// Package messages is the messages screen (留言): the messages waiting to
// be delivered and those of the last days, a message's detail with its
// history, the form to take a message and the forms to deliver, cancel
// or expire one; its part of the dashboard and its handover section.
package messages

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// Screen is the messages screen: a kit.ListScreen of messages. Its
// methods run on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[appmessages.Message]
	s     *kit.Session
	svc   Service
	staff *kit.StaffNames
}

// New returns the messages screen of session s.
func New(s *kit.Session, svc Service) kit.Screen {
	sc := &Screen{s: s, svc: svc, staff: kit.NewStaffNames(svc)}
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.config())
	sc.Refresh(nil)
	return sc
}

// look is the screen's look: taking a message above the list, the new-record
// key (Ctrl+N) to take one.
func (sc *Screen) look() kit.ListLook {
	take := widget.NewButtonWithIcon(kit.WithNewKey(lang.L("messages.take")), theme.ContentAddIcon(), sc.showTakeForm)
	take.Importance = widget.HighImportance
	return kit.ListLook{Screen: "messages", Title: "messages.title", Icon: theme.MailComposeIcon,
		Search: "messages.search", Pick: "messages.pick", Tools: container.NewHBox(take),
		Shortcuts: []kit.Shortcut{kit.NewRecord(lang.L("messages.take"), sc.showTakeForm)}}
}

// closePane goes back from a form to the message shown last, or to the
// empty pane.
func (sc *Screen) closePane() { sc.Back() }

// saved keeps a message a command returned, shows it and confirms.
func (sc *Screen) saved(m appmessages.Message, key string) {
	sc.Put(m)
	sc.Open(m.ID)
	sc.s.Notify(lang.L(key, map[string]string{"Where": m.Where()}))
}
