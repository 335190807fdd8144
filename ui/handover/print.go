package handover

import (
	"io"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// printButton prints the signed handover for the file.
func (v *view) printButton() *widget.Button {
	return kit.Reading(widget.NewButtonWithIcon(lang.L("handover.print"), theme.DocumentPrintIcon(), v.print))
}

// print writes the handover sheet (A4) with the sections as the screen
// shows them, and opens it in the system's viewer.
func (v *view) print() {
	h := v.h
	var secs []paper.Section
	for _, s := range sections(&h, v.sc.s.Now(), v.sc.regs) {
		secs = append(secs, paperSection(s))
	}
	names := kit.NewStaffNames(v.sc.svc)
	d := v.sc.s.PaperDesk(names.Name)
	v.sc.s.Print("handover", h.ID, func(w io.Writer) error { return paper.HandoverSheet(w, d, h, secs) }, v.sc.printed)
}

func paperSection(s kit.HandoverSection) paper.Section {
	out := paper.Section{Heading: s.Heading, Lines: make([]paper.Line, len(s.Lines))}
	for i, l := range s.Lines {
		out.Lines[i] = paper.Line{Text: l.Text, Urgent: l.Urgent}
	}
	return out
}
