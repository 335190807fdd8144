package messages

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// detail is a message's detail: for whom, from whom, the text, what
// happened to it and, while it waits, the actions on it.
func (sc *Screen) detail(m appmessages.Message) fyne.CanvasObject {
	box := container.NewVBox(kit.Heading(lang.L("messages.detail_title", map[string]string{"Where": m.Where()})))
	box.Add(widget.NewForm(sc.facts(m)...))
	text := widget.NewLabel(m.Text)
	text.Wrapping, text.TextStyle = fyne.TextWrapWord, fyne.TextStyle{Bold: true}
	box.Add(text)
	for _, c := range m.Conflicts {
		w := widget.NewLabel(kit.SayConflict(c))
		w.Importance, w.Wrapping = widget.DangerImportance, fyne.TextWrapWord
		box.Add(w)
	}
	if m.Waiting() {
		box.Add(sc.actions(m))
	}
	box.Add(kit.Heading(lang.L("messages.history")))
	for _, h := range sc.history(m) {
		box.Add(h)
	}
	return box
}

// facts are a message's fields, label and value.
func (sc *Screen) facts(m appmessages.Message) []*widget.FormItem {
	note, _ := sc.statusNote(m)
	items := []*widget.FormItem{
		fact("messages.direction", kit.Named("messages.direction.", string(m.Direction))),
		fact("messages.guest", kit.Personal(m.Guest, m.Personal)),
	}
	if m.Direction == appmessages.ForVisitor {
		items = append(items, fact("messages.visitor", kit.Personal(m.Visitor, m.Personal)))
	} else {
		items = append(items, fact("messages.from", kit.Personal(m.From, m.Personal)), fact("messages.phone", kit.Personal(m.Phone, m.Personal)))
	}
	return append(items, fact("messages.status", note))
}

func fact(key, value string) *widget.FormItem {
	if value == "" {
		value = "—"
	}
	v := widget.NewLabel(value)
	v.Wrapping = fyne.TextWrapWord
	return widget.NewFormItem(lang.L(key), v)
}

// actions are the buttons on a waiting message.
func (sc *Screen) actions(m appmessages.Message) fyne.CanvasObject {
	deliver := widget.NewButton(lang.L("messages.deliver"), func() { sc.showDeliverForm(m.ID) })
	deliver.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("messages.cancel"), func() { sc.showCloseForm(m.ID, appmessages.StatusCancelled) })
	expire := widget.NewButton(lang.L("messages.expire"), func() { sc.showCloseForm(m.ID, appmessages.StatusExpired) })
	return container.NewHBox(deliver, cancel, expire)
}

// history lists what happened to a message, oldest first.
func (sc *Screen) history(m appmessages.Message) []fyne.CanvasObject {
	steps := []kit.HistoryStep{{At: m.TakenAt, Text: lang.L("messages.h.taken", map[string]string{"Who": sc.staff.Name(m.TakenBy), "Desk": sc.s.DeskName(m.Desk)})}}
	if d := m.Delivery; d != nil {
		steps = append(steps, kit.HistoryStep{At: d.At, Text: kit.JoinParts([]string{lang.L("messages.h.delivered", map[string]string{
			"Who": sc.staff.Name(d.By), "How": kit.Named("messages.how.", string(d.How))}), d.Note})})
	}
	if c := m.Closed; c != nil {
		steps = append(steps, kit.HistoryStep{At: c.At, Text: lang.L("messages.h."+string(c.Status), map[string]string{
			"Who": sc.staff.Name(c.By), "Reason": c.Reason})})
	}
	return kit.HistoryLines(steps, sc.s.Now())
}

// showDeliverForm asks how the message was delivered.
func (sc *Screen) showDeliverForm(id string) {
	m, ok := sc.Record(id)
	if !ok {
		return
	}
	f := kit.NewForm()
	names := make([]string, len(appmessages.Hows))
	for i, h := range appmessages.Hows {
		names[i] = lang.L("messages.how." + string(h))
	}
	how := kit.NewChoice(names, nil)
	how.SetSelectedIndex(0)
	note := f.Entry(lang.L("messages.note_hint"))
	f.Plain(lang.L("messages.text"), kit.Note(m.Text))
	f.Row(lang.L("messages.how"), "how", how)
	f.Row(lang.L("messages.note"), "note", note)
	f.Check(note, "note", limitCheck(appmessages.MaxNoteRunes))
	f.Cancel = sc.closePane
	f.Submit = func() {
		got, err := sc.svc.Deliver(sc.s.UserID(), id, appmessages.Hows[max(0, how.SelectedIndex())], note.Text)
		if err != nil {
			f.Fail(err)
			return
		}
		sc.saved(got, "messages.saved_deliver")
	}
	sc.Pane().Set(f.Content(lang.L("messages.deliver_title", map[string]string{"Where": m.Where()}), lang.L("messages.deliver")))
	sc.s.Window.Canvas().Focus(note)
}

// showCloseForm asks why a message is cancelled or has expired.
func (sc *Screen) showCloseForm(id string, st appmessages.Status) {
	m, ok := sc.Record(id)
	if !ok {
		return
	}
	f := kit.NewForm()
	reason := f.Entry(lang.L("messages.reason_hint." + string(st)))
	f.Plain(lang.L("messages.text"), kit.Note(m.Text))
	f.Row(lang.L("messages.reason"), "reason", reason)
	f.Check(reason, "reason", limitCheck(appmessages.MaxReasonRunes))
	f.Cancel = sc.closePane
	f.Submit = func() {
		run := sc.svc.Cancel
		if st == appmessages.StatusExpired {
			run = sc.svc.Expire
		}
		got, err := run(sc.s.UserID(), id, reason.Text)
		if err != nil {
			f.Fail(err)
			return
		}
		sc.saved(got, "messages.saved."+string(st))
	}
	title := lang.L("messages.close_title."+string(st), map[string]string{"Where": m.Where()})
	sc.Pane().Set(f.Content(title, lang.L("messages."+closeVerb(st))))
	sc.s.Window.Canvas().Focus(reason)
}

func closeVerb(st appmessages.Status) string {
	if st == appmessages.StatusExpired {
		return "expire"
	}
	return "cancel"
}
