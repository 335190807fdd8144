package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// stepIndexer reports the progress steps it is given, one each time the
// test lets it go on, then ends with err.
type stepIndexer struct {
	steps [][2]int
	next  chan struct{}
	err   error
}

func (s *stepIndexer) IndexesStale() bool { return true }

func (s *stepIndexer) BuildIndexes(progress func(done, total int)) error {
	for _, st := range s.steps {
		<-s.next
		progress(st[0], st[1])
	}
	<-s.next
	return s.err
}

// TestIndexingShowsProgressThenTheDesk: the first start after an update
// shows, in the desk's language, how many records are done of how many,
// and says not to close the desk; once done, the desk opens; a failure is
// handed on.
func TestIndexingShowsProgressThenTheDesk(t *testing.T) {
	kittest.NewIn(t, kit.Chinese)
	w := test.NewWindow(nil)
	defer w.Close()
	ix := &stepIndexer{steps: [][2]int{{0, 3000}, {1000, 3000}, {3000, 3000}}, next: make(chan struct{})}
	var done []error
	queue := make(chan func(), 16) // what the indexer hands the Fyne goroutine: run by the test
	do := func(f func()) { queue <- f }
	ShowIndexing(w, ix, do, func(err error) { done = append(done, err) })
	labels := func() string { return kittest.Labels(w.Content()) }
	waitUntil := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !cond() {
			select {
			case f := <-queue:
				f()
			case <-deadline:
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	if !strings.Contains(labels(), "请勿关闭 FloorDesk") {
		t.Errorf("screen = %q, want the request not to close the desk", labels())
	}
	ix.next <- struct{}{}
	ix.next <- struct{}{}
	waitUntil("1000 of 3000 shown", func() bool { return strings.Contains(labels(), "已整理 1000 / 3000 条记录") })
	ix.next <- struct{}{}
	ix.next <- struct{}{}
	waitUntil("done called", func() bool { return len(done) == 1 })
	if done[0] != nil {
		t.Errorf("done with %v", done[0])
	}

	failing := &stepIndexer{next: make(chan struct{}), err: errors.New("disk full")}
	ShowIndexing(w, failing, do, func(err error) { done = append(done, err) })
	failing.next <- struct{}{}
	waitUntil("the failure handed on", func() bool { return len(done) == 2 && done[1] != nil })
}
