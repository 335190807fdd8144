// Package diskspace tells how much room a data folder's disk has left, for
// the stores that must stop writing before the disk is full: Badger writes
// its logs and tables through memory maps, and a page it cannot get on a
// full disk kills the process (SIGBUS) instead of failing the write.
//
// A Guard asks the system at most once a second, so a store can ask it
// before every write. It links only the standard library and
// golang.org/x/sys, so the server's store uses it too.
package diskspace

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// ErrUnsupported: this system cannot tell a disk's free space; a Guard
// then never refuses.
var ErrUnsupported = errors.New("free disk space unknown on this system")

// Free is how many bytes the disk that holds dir has free for this
// process's user (Linux: statfs's available blocks, which leave out the
// blocks kept for root; Windows: GetDiskFreeSpaceEx, which counts quotas).
func Free(dir string) (uint64, error) {
	n, err := free(dir)
	if err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	return n, nil
}

// DefaultEvery is how long a Guard trusts what the system last said.
const DefaultEvery = time.Second

// Guard tells whether the disk that holds a folder has at least Reserve
// bytes free. It is safe for concurrent use.
type Guard struct {
	dir     string
	reserve uint64

	// Every is how long an answer from the system is reused; Free asks it
	// and Now is the clock. NewGuard sets them; tests may change them
	// before the first call.
	Every time.Duration
	Free  func(dir string) (uint64, error)
	Now   func() time.Time

	mu   sync.Mutex
	at   time.Time // when the system was last asked; zero: never
	last uint64    // what it said
	err  error     // or why it could not say
}

// NewGuard watches dir's disk for reserve bytes free.
func NewGuard(dir string, reserve uint64) *Guard {
	return &Guard{dir: dir, reserve: reserve, Every: DefaultEvery, Free: Free, Now: time.Now}
}

// Reserve is the room the guard wants kept free, in bytes.
func (g *Guard) Reserve() uint64 { return g.reserve }

// Room reports the free bytes and whether they are at least the reserve,
// asking the system when its last answer is older than Every, or was
// less than twice the reserve: near the reserve every write asks (statfs
// costs about a microsecond), so another program filling the disk is
// seen before the store's own writes reach the edge. A disk
// whose free space cannot be read counts as having room (err says why):
// refusing every write on a system that cannot tell would be worse.
func (g *Guard) Room() (free uint64, ok bool, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.Now()
	near := g.err == nil && g.last < 2*g.reserve
	if near || g.at.IsZero() || now.Sub(g.at) >= g.Every || now.Before(g.at) {
		g.last, g.err = g.Free(g.dir)
		g.at = now
	}
	if g.err != nil {
		return 0, true, g.err
	}
	return g.last, g.last >= g.reserve, nil
}

// Recheck makes the next Room ask the system again: after freeing space,
// or before a decision that must not rest on an answer a second old.
func (g *Guard) Recheck() {
	g.mu.Lock()
	g.at = time.Time{}
	g.mu.Unlock()
}

// MB renders a byte count in whole megabytes, rounded up, for messages.
func MB(n uint64) string { return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20) }

// Reader reads from another reader while a guard's disk has room, for a
// restore, which writes about what it reads, as fast as it reads, and
// writes behind its reads (Badger's loader keeps batches in flight). So
// every megabyte it asks the disk afresh, and counts what it has read
// against the room the disk had at the start: once the disk, or the
// start's room less what was read since, is below the reserve, every Read
// fails with the error full made, which Err keeps.
type Reader struct {
	r     io.Reader
	guard *Guard
	full  func(free uint64) error
	start uint64 // free bytes at the first check
	read  uint64 // bytes read since
	since int    // bytes read since the last check
	Err   error
}

// NewReader reads r while g's disk has room; full makes the error.
func NewReader(r io.Reader, g *Guard, full func(free uint64) error) *Reader {
	return &Reader{r: r, guard: g, full: full}
}

// Check asks the disk now: nil while it has room, else the error.
func (rr *Reader) Check() error {
	if rr.Err != nil {
		return rr.Err
	}
	rr.guard.Recheck()
	free, ok, err := rr.guard.Room()
	if err != nil {
		return nil // a disk that cannot be measured is not refused
	}
	if rr.start == 0 {
		rr.start = free
	}
	if left := rr.start - min(rr.read, rr.start); !ok || left < rr.guard.Reserve() {
		rr.Err = rr.full(min(free, left))
	}
	return rr.Err
}

func (rr *Reader) Read(p []byte) (int, error) {
	if rr.Err != nil || rr.since >= 1<<20 {
		rr.since = 0
		if err := rr.Check(); err != nil {
			return 0, err
		}
	}
	n, err := rr.r.Read(p)
	rr.since += n
	rr.read += uint64(n)
	return n, err
}
