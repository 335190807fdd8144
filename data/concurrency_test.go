package data

import (
	"fmt"
	"sync"
	"testing"

	"floordesk/data/wire"
)

// TestConcurrentAppendsAndReads runs under -race: writers append to shared
// entities while readers list views, read streams and count.
func TestConcurrentAppendsAndReads(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	const writers, perWriter = 4, 60
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				if _, err := s.Append(newEvent("key", fmt.Sprint(i%5), fmt.Sprintf("w%d", w))); err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	var readers sync.WaitGroup
	for r := 0; r < 3; r++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			readUntil(t, s, stop)
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	st, err := s.Stats()
	if err != nil || st.Events != writers*perWriter || st.Outbox != writers*perWriter || st.Entities != 5 {
		t.Fatalf("stats = %+v, %v", st, err)
	}
	checkViewsMatchStreams(t, s)
}

func readUntil(t *testing.T, s *Store, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		err := s.Views("key", func(string, []byte) error { return nil })
		if err == nil {
			_, err = s.Stream(wire.EntityRef{Kind: "key", ID: "1"})
		}
		if err == nil {
			_, err = s.Stats()
		}
		if err != nil {
			t.Error(err)
			return
		}
	}
}

// TestHeldIndexUnderConcurrentWrites runs under -race: readers count an
// index (held in memory) while writers open and close entities; at the
// end the held index is what Badger holds.
func TestHeldIndexUnderConcurrentWrites(t *testing.T) {
	s := openIndexed(t, t.TempDir(), "desk-a", "1")
	defer s.Close()
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				typ := []string{"opened", "closed"}[i%2]
				if _, err := s.Append(newEvent("req", fmt.Sprint(w, "-", i%6), typ)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := s.IndexKeys("open", func([]byte, wire.EntityRef) error { return nil }); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	if got, want := held(t, s), indexed(t, s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("held %v, Badger %v", got, want)
	}
}
