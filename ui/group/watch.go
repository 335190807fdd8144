package group

import (
	"sync"
	"time"
)

// tickEvery is how often the counts are evaluated again at the time now
// from the parts last read (a key falls overdue with the clock), as the
// dashboard does; the store is read again only when it changes.
const tickEvery = 15 * time.Second

// Start reads every property once and then keeps each row up to date: its
// counts when its copy changes, its sync state when its client's status
// does. Stop ends it.
func (o *Overview) Start() {
	o.Refresh()
	var wg sync.WaitGroup
	for _, r := range o.rows {
		wg.Go(func() { o.watch(r) })
	}
	go func() { wg.Wait(); close(o.done) }()
}

// Stop ends the watching and waits until it has ended. Call it off the
// Fyne goroutine or after the window closed.
func (o *Overview) Stop() {
	close(o.stop)
	<-o.done
}

// watch refreshes r after each change its copy reports (the changes
// that come meanwhile gather into the next read), after each change of
// its sync status, and at each tick.
func (o *Overview) watch(r *row) {
	sub := r.p.Feed.Subscribe()
	defer sub.Close()
	var status <-chan struct{}
	if r.p.Sync != nil {
		ch, unwatch := r.p.Sync.Watch()
		defer unwatch()
		status = ch
	}
	tick := time.NewTicker(tickEvery)
	defer tick.Stop()
	for {
		select {
		case _, ok := <-sub.Ready():
			if !ok {
				return
			}
			if len(sub.Next()) == 0 {
				continue // a setting of the copy's own, no event
			}
			if r.p.Copy != nil {
				r.p.Copy.Received(o.s.Now())
			}
			o.refresh(r)
		case <-status:
			synced, last := r.copyState()
			o.do(func() { r.synced, r.last = synced, last; r.showState(o.s.Now()) })
		case <-tick.C:
			o.do(func() { r.show(o.s.Now()) })
		case <-o.stop:
			return
		}
	}
}

// refresh reads r's copy again and shows it.
func (o *Overview) refresh(r *row) {
	vs, err := Load(r.sources)
	synced, last := r.copyState()
	o.do(func() {
		r.views, r.failed, r.synced, r.last = vs, err != nil, synced, last
		r.show(o.s.Now())
	})
}

// do runs f on the Fyne goroutine and waits for it, unless the overview
// stops first.
func (o *Overview) do(f func()) {
	done := make(chan struct{})
	o.s.Do(func() { defer close(done); f() })
	select {
	case <-done:
	case <-o.stop:
	}
}
