package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Indexer builds a store's stale indexes (data.Store).
type Indexer interface {
	IndexesStale() bool
	BuildIndexes(progress func(done, total int)) error
}

// ShowIndexing fills w with the progress of building the store's stale
// indexes, the first start after an update (a minute or so on years of
// history), and calls done on the Fyne goroutine when they are built, or
// with the error. A person sees the desk at work and is asked not to
// close it. do runs a function on the Fyne goroutine (fyne.Do).
func ShowIndexing(w fyne.Window, st Indexer, do func(func()), done func(error)) {
	bar := widget.NewProgressBar()
	count := widget.NewLabel(lang.L("app.indexing_counting"))
	title := widget.NewLabelWithStyle(lang.L("app.indexing"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(lang.L("app.indexing_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(title, bar, count, hint)
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 200), box)))
	go func() {
		err := st.BuildIndexes(func(n, total int) {
			do(func() { showIndexed(bar, count, n, total) })
		})
		do(func() { done(err) })
	}()
}

func showIndexed(bar *widget.ProgressBar, count *widget.Label, n, total int) {
	if total > 0 {
		bar.SetValue(float64(n) / float64(total))
	}
	count.SetText(lang.L("app.indexing_count", map[string]int{"Done": n, "Total": total}))
}
