package ui

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
)

// screenProbe runs the screen's widget updates under a lock the test also
// takes to read the labels, and signals after each update.
type screenProbe struct {
	mu      sync.Mutex
	updated chan struct{}
}

func probe(s *Status) *screenProbe {
	p := &screenProbe{updated: make(chan struct{}, 1)}
	s.do = func(f func()) {
		p.mu.Lock()
		f()
		p.mu.Unlock()
		select {
		case p.updated <- struct{}{}:
		default:
		}
	}
	return p
}

// waitFor waits until check, run under the lock, is true.
func (p *screenProbe) waitFor(t *testing.T, what string, check func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		p.mu.Lock()
		ok := check()
		p.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-p.updated:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func openStore(t *testing.T) *data.Store {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-3F", Fold: data.TraceFold, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestStatusShowsStoreCounts(t *testing.T) {
	test.NewTempApp(t)
	if _, err := UseLanguage(English); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	s := NewStatus(st)
	p := probe(s)
	w := test.NewWindow(s.Content())
	defer w.Close()
	s.Start()
	defer s.Stop()

	text := func(l *widget.Label) string { return l.Text }
	p.waitFor(t, "an empty store", func() bool {
		return text(s.events) == "0" && text(s.entities) == "0" && text(s.outbox) == "0"
	})
	p.mu.Lock()
	if got := text(s.desk); got != "desk-3F" {
		t.Errorf("desk shows %q, want desk-3F", got)
	}
	if got := text(s.dir); got != st.Dir() {
		t.Errorf("data folder shows %q, want %q", got, st.Dir())
	}
	p.mu.Unlock()

	for _, ev := range []data.Event{
		{Actor: "li", Entity: data.EntityRef{Kind: "key", ID: "F3-MASTER"}, Type: "key.signed_out"},
		{Actor: "li", Entity: data.EntityRef{Kind: "key", ID: "F3-MASTER"}, Type: "key.returned"},
		{Actor: "li", Entity: data.EntityRef{Kind: "loan", ID: "L-1"}, Type: "loan.opened"},
	} {
		if _, err := st.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
	last := st.Now().Time() // after every append, so not before the last change
	p.waitFor(t, "3 events, 2 records, 3 waiting", func() bool {
		return text(s.events) == "3" && text(s.entities) == "2" && text(s.outbox) == "3"
	})
	p.mu.Lock()
	shown, err := time.ParseInLocation("2006-01-02 15:04:05", text(s.last), time.Local)
	p.mu.Unlock()
	if err != nil {
		t.Fatalf("last change: %v", err)
	}
	if d := last.Sub(shown); d < 0 || d > 2*time.Second {
		t.Errorf("last change shows %v, want about %v", shown, last)
	}
}

// failingStats is a store whose counts cannot be read.
type failingStats struct{ *data.Store }

func (failingStats) Stats() (data.Stats, error) { return data.Stats{}, errors.New("disk gone") }

func TestStatusSaysWhenTheStoreCannotBeRead(t *testing.T) {
	test.NewTempApp(t)
	if _, err := UseLanguage(Chinese); err != nil {
		t.Fatal(err)
	}
	s := NewStatus(failingStats{openStore(t)})
	p := probe(s)
	w := test.NewWindow(s.Content())
	defer w.Close()
	s.Start()
	defer s.Stop()
	p.waitFor(t, "the problem message", func() bool { return s.problem.Visible() })
	p.mu.Lock()
	defer p.mu.Unlock()
	if want := "暂时无法读取本机数据。"; !strings.HasPrefix(s.problem.Text, want) {
		t.Errorf("problem reads %q, want it to start with %q", s.problem.Text, want)
	}
}

func TestStatusStopsWhenTheStoreCloses(t *testing.T) {
	test.NewTempApp(t)
	st := openStore(t)
	s := NewStatus(st)
	probe(s)
	s.Start()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the screen kept watching a closed store")
	}
	s.Stop()
}
