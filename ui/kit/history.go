package kit

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// HistoryStep is one line of a record's history: when, and what
// happened in the user's language.
type HistoryStep struct {
	At   time.Time
	Text string
}

// HistoryLines lays out a record's history, oldest first, a wrapped
// label a step, each starting with when it happened as seen at now.
func HistoryLines(steps []HistoryStep, now time.Time) []fyne.CanvasObject {
	steps = slices.Clone(steps)
	slices.SortStableFunc(steps, func(a, b HistoryStep) int { return a.At.Compare(b.At) })
	out := make([]fyne.CanvasObject, len(steps))
	for i, s := range steps {
		w := widget.NewLabel(When(s.At, now) + "  " + s.Text)
		w.Wrapping = fyne.TextWrapWord
		out[i] = w
	}
	return out
}
