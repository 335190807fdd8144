package ui

import (
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// tickEvery is how often time-based lines are re-evaluated.
const tickEvery = 15 * time.Second

// startFeed refreshes the screens after the changes the store reports.
func (sh *Shell) startFeed() {
	if sh.opt.Feed == nil {
		return
	}
	sub := sh.opt.Feed.Subscribe()
	sh.wg.Add(1)
	go func() {
		defer sh.wg.Done()
		defer sub.Close()
		for {
			select {
			case _, ok := <-sub.Ready():
				if !ok {
					return
				}
				if !sh.refreshFrom(sub) {
					return
				}
			case <-sh.stop:
				return
			}
		}
	}()
}

// refreshFrom takes the changes pending and refreshes after them on the
// Fyne goroutine, and waits until that refresh is done, so changes that
// come meanwhile (a pull's chunks, a burst of commits) gather into the
// next one instead of queueing a refresh each. It reports false when the
// shell stopped.
func (sh *Shell) refreshFrom(sub *data.Subscription) bool {
	refs := sub.Next()
	done := make(chan struct{})
	sh.s.Do(func() {
		defer close(done)
		sh.refreshChanged(refs)
	})
	select {
	case <-done:
		return true
	case <-sh.stop:
		return false
	}
}

// refreshChanged refreshes after a change; a change with no entity (the
// outbox moved, a setting was saved) only refreshes the status bar,
// unless this PC's desk changed (a supervisor picked another): then
// everything, since the screens show the old desk's loans, keys and
// requests. A step that follows changes (the wait for the hotel's data)
// is refreshed instead.
func (sh *Shell) refreshChanged(refs []wire.EntityRef) {
	if sh.refreshStep() {
		return
	}
	if sh.s.Desk() != sh.desk {
		sh.refreshAll(nil)
		return
	}
	if len(refs) == 0 {
		sh.bar.refresh(sh.opt)
		return
	}
	sh.refreshAll(refs)
}

// SetSync shows a sync client that started after the shell (the desk was
// enrolled while the app ran). Call it on the Fyne goroutine.
func (sh *Shell) SetSync(src SyncSource) {
	if sh.opt.Sync != nil || src == nil {
		return
	}
	sh.opt.Sync = src
	sh.startSync()
	sh.bar.refresh(sh.opt)
	sh.refreshStep()
}

// refreshStep refreshes the step shown, if it follows changes, and
// reports whether a step is shown.
func (sh *Shell) refreshStep() bool {
	if r, ok := sh.step.(stepRefresher); ok {
		r.refresh()
	}
	return sh.step != nil
}

// startSync refreshes the status bar when the sync status changes.
func (sh *Shell) startSync() {
	if sh.opt.Sync == nil {
		return
	}
	ch, unwatch := sh.opt.Sync.Watch()
	sh.wg.Add(1)
	go func() {
		defer sh.wg.Done()
		defer unwatch()
		for {
			select {
			case <-ch:
				sh.s.Do(func() {
					if !sh.refreshStep() {
						sh.bar.refresh(sh.opt)
					}
				})
			case <-sh.stop:
				return
			}
		}
	}()
}

// startTicker re-evaluates the dashboard's time-based lines on each tick.
func (sh *Shell) startTicker() {
	tick := sh.opt.Tick
	if tick == nil {
		t := time.NewTicker(tickEvery)
		sh.wg.Add(1)
		go func() {
			defer sh.wg.Done()
			<-sh.stop
			t.Stop()
		}()
		tick = t.C
	}
	sh.wg.Add(1)
	go func() {
		defer sh.wg.Done()
		for {
			select {
			case <-tick:
				sh.s.Do(sh.Tick)
			case <-sh.stop:
				return
			}
		}
	}()
}

// Tick moves what depends on the time: the dashboard (and its reminders),
// the screen in front when it is a kit.Ticker, and the status bar. It
// reads no record from the store. Call it on the Fyne goroutine.
func (sh *Shell) Tick() {
	if _, ok := sh.s.User(); !ok || sh.step != nil {
		return
	}
	if sh.signOutIfIdle() {
		return
	}
	sh.dash.Tick()
	if t, ok := sh.main.current().(kit.Ticker); ok && sh.main.current() != kit.Screen(sh.dash) {
		t.Tick()
	}
	sh.bar.refresh(sh.opt)
	sh.bar.expire()
	sh.stripCommands()
}
