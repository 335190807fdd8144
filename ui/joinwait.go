package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// askAgainAfter is how long the waiting step waits before asking the
// server again what it holds.
const askAgainAfter = 5 * time.Second

// joinWait shows a desk that joined the hotel getting the hotel's data
// from the server: the events received so far against what the server
// holds, and the sync status. The shell calls refresh on every change in
// the store's feed and in the sync status, on the Fyne goroutine; nothing
// polls.
//
// It calls done once the hotel's staff are here and the desk has caught up
// with what the server held when asked (or the server could not be asked),
// so the sign-in lists everyone. A server that holds nothing for the hotel,
// or whose events have all arrived without any staff, has no hotel set up
// yet: the step says so and offers to go back and set up a new hotel here.
type joinWait struct {
	s     *kit.Session
	store kit.LocalStore
	sync  func() SyncSource // the running sync client; nil until it started
	run   func(func(ctx context.Context))
	done  func()
	back  func()
	// info asks the server (the store's ServerInfo); tests may replace it.
	info func(ctx context.Context, st kit.LocalStore) (wire.InfoResponse, error)

	total    *wire.InfoResponse // what the server held when asked; nil until it answered
	asking   bool
	askErr   error     // the last ask failed
	askedAt  time.Time // when the last ask started
	finished bool

	title   *widget.Label
	intro   *widget.Label
	got     *widget.Label
	bar     *widget.ProgressBar
	spinner *widget.ProgressBarInfinite
	status  *widget.Label
	detail  *widget.Label
	noHotel *fyne.Container
	body    *fyne.Container // relaid out when a part shows or hides
	content fyne.CanvasObject
}

func newJoinWait(s *kit.Session, store kit.LocalStore, sync func() SyncSource, run func(func(context.Context)), done, back func()) *joinWait {
	w := &joinWait{s: s, store: store, sync: sync, run: run, done: done, back: back, info: kit.ServerInfo,
		got: widget.NewLabel(""), bar: widget.NewProgressBar(), spinner: widget.NewProgressBarInfinite(),
		status: widget.NewLabel(""), detail: kit.Note("")}
	w.status.Wrapping = fyne.TextWrapWord
	w.bar.Hide()
	msg := widget.NewLabel(lang.L("join.no_hotel"))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.WarningImportance
	backBtn := widget.NewButtonWithIcon(lang.L("join.back_new_hotel"), theme.NavigateBackIcon(), w.back)
	backBtn.Importance = widget.HighImportance
	w.noHotel = container.NewVBox(msg, container.NewHBox(backBtn))
	w.noHotel.Hide()
	w.content = w.layout()
	return w
}

func (w *joinWait) layout() fyne.CanvasObject {
	url, _ := w.store.Setting(data.SettingServerURL)
	w.title = stepTitle(lang.L("join.wait_title"))
	w.intro = widget.NewLabel(lang.L("join.wait_intro", map[string]string{"URL": url}))
	w.intro.Wrapping = fyne.TextWrapWord
	w.body = container.NewVBox(w.title, w.intro,
		w.got, container.NewStack(w.bar, w.spinner), w.status, w.detail, w.noHotel)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(720, 420), w.body))
}

// refresh shows how far the desk has got, and moves on when it is there.
// Call it on the Fyne goroutine.
func (w *joinWait) refresh() {
	if w.finished {
		return
	}
	stats, err := w.progress()
	if err != nil {
		return
	}
	caughtUp := w.caughtUp(stats)
	has, _ := w.s.Svc.HasStaff()
	if has && (caughtUp || w.askErr != nil) {
		w.finished = true
		w.done()
		return
	}
	w.showProgress(stats)
	w.showSync()
	w.showNoHotel(caughtUp && !has)
}

// progress reads how far the desk has got: once the server said what it
// holds, the cursor alone (counting every event in the store at every
// change would scan millions of keys over and over while years of
// history arrive); before that, the events received.
func (w *joinWait) progress() (data.Stats, error) {
	if w.total == nil || w.total.LastSeq == 0 {
		return w.store.Stats()
	}
	cursor, err := w.store.Cursor()
	return data.Stats{Cursor: cursor}, err
}

// caughtUp tells whether the desk holds every event the server held when
// asked (asking it first, when it has not answered yet).
func (w *joinWait) caughtUp(stats data.Stats) bool {
	epoch, _ := w.store.Epoch()
	if w.total != nil && epoch != "" && epoch != w.total.Epoch {
		w.total = nil // the server was restored while we waited: ask again
	}
	w.ask()
	if w.total == nil {
		return false
	}
	return w.total.LastSeq == 0 || epoch == w.total.Epoch && stats.Cursor >= w.total.LastSeq
}

// showNoHotel says the server has no hotel set up, or takes that back.
func (w *joinWait) showNoHotel(none bool) {
	w.title.SetText(lang.L("join.wait_title"))
	if none {
		w.title.SetText(lang.L("join.no_hotel_title"))
		w.spinner.Hide()
		w.bar.Hide()
	}
	setVisible(!none, w.intro, w.got, w.status) // the server answered: no sync news to give
	setVisible(none, w.noHotel)
	setVisible(!none && w.detail.Text != "", w.detail)
	w.body.Refresh()
}

// setVisible shows or hides objects.
func setVisible(on bool, objs ...fyne.CanvasObject) {
	for _, o := range objs {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// ask asks the server what it holds, unless it has answered or is being
// asked; it asks again (after a failure, or a new epoch) at most every
// askAgainAfter.
func (w *joinWait) ask() {
	if w.total != nil || w.asking || !w.askedAt.IsZero() && w.s.Now().Sub(w.askedAt) < askAgainAfter {
		return
	}
	w.asking, w.askedAt = true, w.s.Now()
	w.run(func(ctx context.Context) {
		info, err := w.info(ctx, w.store)
		if ctx.Err() != nil {
			return
		}
		w.s.Do(func() { w.answered(info, err) })
	})
}

func (w *joinWait) answered(info wire.InfoResponse, err error) {
	w.asking, w.askErr = false, err
	if err == nil {
		w.total = &info
	}
	w.refresh()
}

// showProgress shows the events received, against the server's count once
// it is known.
func (w *joinWait) showProgress(stats data.Stats) {
	if w.total == nil || w.total.LastSeq == 0 {
		w.got.SetText(kit.Counted("join.received", stats.Events))
		w.bar.Hide()
		w.spinner.Show()
		return
	}
	// The cursor counts the server's events received, in the same unit
	// as the server's latest sequence number.
	got := min(stats.Cursor, w.total.LastSeq)
	w.got.SetText(lang.L("join.received_of", map[string]int{"Count": int(got), "Total": int(w.total.LastSeq)}))
	w.spinner.Hide()
	w.bar.Show()
	w.bar.SetValue(float64(got) / float64(w.total.LastSeq))
}

// showSync shows whether the desk reaches the server, and why not.
func (w *joinWait) showSync() {
	src := w.sync()
	if src == nil {
		w.status.SetText(lang.L("join.sync_starting"))
		w.detail.SetText("")
		return
	}
	st := src.Status()
	switch {
	case st.Online:
		text := lang.L("shell.online")
		if !st.LastSync.IsZero() {
			text += " · " + lang.L("shell.last_sync", map[string]string{"Time": kit.When(st.LastSync, w.s.Now())})
		}
		w.status.Importance = widget.SuccessImportance
		w.status.SetText(text)
		w.detail.SetText("")
	case st.LastError != "":
		w.status.Importance = widget.WarningImportance
		w.status.SetText(lang.L("join.sync_offline"))
		if st.Problem != data.ProblemNone && st.Problem != data.ProblemUnreachable {
			w.status.SetText(problemText(w.s, st)) // what to do, in the desk's language
		}
		// The sync client words its errors in English only; shown as a
		// detail for IT, under the sentence in the desk's language.
		w.detail.SetText(lang.L("join.sync_detail", map[string]string{"Error": st.LastError}))
	default:
		w.status.Importance = widget.MediumImportance
		w.status.SetText(lang.L("join.sync_starting"))
		w.detail.SetText("")
	}
	w.status.Refresh()
}
