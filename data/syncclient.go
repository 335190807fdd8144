package data

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"floordesk/data/wire"
)

// Settings the sync client reads when its SyncConfig leaves them empty.
const (
	SettingServerURL = "sync.url"   // the server's base URL, such as https://sync.hotel.example:8420
	SettingDeskToken = "sync.token" // the desk's own token, from enrolment
	SettingGroup     = "sync.group" // a group supervisor's desk: the properties it reads, comma-separated; "" for a property's desk
)

// GroupOf lists the properties a group supervisor's desk reads (its
// enrolment's grant, SettingGroup), or nil for a property's own desk.
func GroupOf(store *Store) []string {
	v, err := store.Setting(SettingGroup)
	if err != nil || v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

// ErrSyncNotConfigured: no server URL or token, in the config or the settings.
var ErrSyncNotConfigured = errors.New("sync is not configured: enrol the desk with a server first")

// SyncConfig configures a SyncClient. Zero values mean the defaults.
type SyncConfig struct {
	URL        string                               // server base URL; "" reads SettingServerURL
	Token      string                               // desk token; "" reads SettingDeskToken
	HTTPClient *http.Client                         // nil: a client with sane timeouts
	PushBatch  int                                  // events per push; 0: 500
	PullLimit  int                                  // events per pull; 0: DefaultPullLimit
	PollWait   time.Duration                        // how long the server may hold an empty pull; 0: 25 s
	MinBackoff time.Duration                        // first retry delay when offline; 0: 1 s
	MaxBackoff time.Duration                        // longest retry delay; 0: 1 min
	Rand       func() float64                       // jitter in [0,1); nil: math/rand
	Now        func() time.Time                     // nil: time.Now
	After      func(time.Duration) <-chan time.Time // backoff timer; nil: time.After
	Logger     *slog.Logger                         // nil: slog.Default()
	// NoSnapshot makes a new desk pull every event instead of loading the
	// server's snapshot first (benchmarks compare the two).
	NoSnapshot bool
	// Property names the property to pull (wire.PropertyParam): a group
	// supervisor's desk keeps one store per property, each pulled by its
	// own client; "" is the desk's own property.
	Property string
	// PullOnly keeps the client from pushing or registering a key: the
	// store is a read-only copy (a group desk's), and its outbox stays.
	PullOnly bool
}

func (c *SyncConfig) fill() {
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ResponseHeaderTimeout: 0, // pulls are held open: each request has its own deadline
			MaxIdleConnsPerHost:   4,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
		}}
	}
	c.PushBatch = cmp(c.PushBatch, 500)
	c.PullLimit = cmp(c.PullLimit, wire.DefaultPullLimit)
	c.PollWait = cmp(c.PollWait, 25*time.Second)
	c.MinBackoff = cmp(c.MinBackoff, time.Second)
	c.MaxBackoff = cmp(c.MaxBackoff, time.Minute)
	if c.Rand == nil {
		c.Rand = rand.Float64
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.After == nil {
		c.After = time.After
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	c.URL = strings.TrimRight(c.URL, "/")
}

func cmp[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// SyncStatus is what the desk shows about sync.
type SyncStatus struct {
	Online    bool        // the last exchange with the server worked
	Pending   int         // events waiting to go to the server
	SetAside  int         // events the server refused for good, kept for IT (Store.SetAsideEvents)
	LastSync  time.Time   // the last successful exchange; zero when never
	Problem   SyncProblem // why the last exchange failed; ProblemNone when it worked
	LastError string      // the same in plain English words with detail, for IT and logs; "" when it worked
	// ServerTime is the server's clock when it refused this desk's events
	// as ahead of it (ProblemClockAhead), for the desk to show; zero
	// otherwise.
	ServerTime time.Time
	// ClockOffset is how far this PC's clock was ahead of the server's
	// (negative: behind) at the last answer; past ClockWarn either way the
	// desk asks someone to set it right.
	ClockOffset time.Duration
	// ServerProtocol is the server's sync protocol level from its last
	// answer (0: not known yet, or a server from before levels). Above
	// wire.Protocol the server is newer than this desk, which still works
	// but should be updated.
	ServerProtocol int
	// FromSnapshot is how many events this desk, joining new, loaded
	// from the server's snapshot instead of pulling them (0: none).
	FromSnapshot int
}

// SyncProblem is the kind of trouble the last exchange with the server
// met, for the UI to say in the user's language.
type SyncProblem int

// The kinds of sync trouble.
const (
	ProblemNone           SyncProblem = iota
	ProblemUnreachable                // no network, or the server is down: work goes on, sent later
	ProblemRefused                    // the server refused the desk's token: a supervisor enrols it again
	ProblemServer                     // the server failed (5xx): retried later
	ProblemRejected                   // the server refused what was sent (4xx): IT should look
	ProblemOther                      // anything else: retried later
	ProblemConflict                   // the server holds one of this desk's event IDs with other content: IT should look
	ProblemClockAhead                 // this PC's clock is ahead of the server's: someone sets it right; the events wait
	ProblemDiskFull                   // this PC's disk is full: pulled events cannot be saved; pulls wait for space
	ProblemServerDiskFull             // the server's disk is full (507): the events wait in the outbox; IT frees space
	ProblemUpdateNeeded               // the server needs a newer desk (426): nothing syncs until FloorDesk is updated on this PC
	ProblemForged                     // the server refused an event as not signed by the desk it names: it is set aside; IT should look
	ProblemChainBroken                // the server refused an event as changed after it was sealed: it is set aside; IT should look
)

// String names the problem: "unreachable", "refused"...
func (p SyncProblem) String() string {
	names := []string{"none", "unreachable", "refused", "server", "rejected", "other", "conflict", "clock_ahead",
		"disk_full", "server_disk_full", "update_needed", "forged", "chain_broken"}
	if p < 0 || int(p) >= len(names) {
		return "other"
	}
	return names[p]
}

// SyncClient keeps a desk's store in sync with the server: it pushes the
// outbox whenever it has events, holds a pull open for other desks' events
// and folds them in, and retries with backoff while offline. Run it in its
// own goroutine; its other methods never block on the network.
type SyncClient struct {
	store *Store
	cfg   SyncConfig
	log   *slog.Logger

	running    atomic.Bool
	settings   bool          // URL and token come from the store's settings, read at each call
	pushBudget int           // bytes of events in one push; the pusher's own
	pushAhead  atomic.Int32  // pushes the server takes unanswered at once (wire.PushAheadHeader); 0: not said
	epochMu    sync.Mutex    // orders epoch checks, Requeue and ApplyRemote
	pushKick   chan struct{} // wakes the pusher
	pullKick   chan struct{} // cuts the puller's backoff short

	mu        sync.Mutex
	status    SyncStatus
	watchers  map[chan struct{}]struct{}
	pullAbort context.CancelFunc // cuts the pull in flight short after a requeue
	keySent   string             // the token and key last registered with the server
}

// NewSyncClient makes a client for store. It does nothing until Run.
func NewSyncClient(store *Store, cfg SyncConfig) *SyncClient {
	cfg.fill()
	return &SyncClient{
		store:      store,
		cfg:        cfg,
		pushBudget: defaultPushBudget,
		log:        cfg.Logger.With("component", "sync"),
		pushKick:   make(chan struct{}, 1),
		pullKick:   make(chan struct{}, 1),
		watchers:   map[chan struct{}]struct{}{},
	}
}

// Run syncs until ctx is done, then returns nil. It returns
// ErrSyncNotConfigured at once when there is no server URL or token.
func (c *SyncClient) Run(ctx context.Context) error {
	if !c.running.CompareAndSwap(false, true) {
		return errors.New("sync client already running")
	}
	defer c.running.Store(false)
	if err := c.resolve(); err != nil {
		return err
	}
	sub := c.store.Subscribe()
	defer sub.Close()
	defer c.store.enrolled.add(c.reEnrolled)()
	c.refreshPending()
	var wg sync.WaitGroup
	if !c.cfg.PullOnly {
		wg.Go(func() { c.pushLoop(ctx, sub) })
	}
	wg.Go(func() { c.pullLoop(ctx) })
	wg.Wait()
	return nil
}

// resolve fills URL and token from the store's settings.
func (c *SyncClient) resolve() error {
	if c.cfg.URL != "" && c.cfg.Token != "" {
		return nil
	}
	if _, _, err := serverSettings(c.store); err != nil {
		return err
	}
	c.settings = true
	return nil
}

// endpoint is the server URL and token to use now. From the settings, they
// are read at each call, so that a supervisor enrolling the desk again (a
// revoked token, a new server) takes effect without a restart.
func (c *SyncClient) endpoint() (url, token string) {
	if !c.settings {
		return c.cfg.URL, c.cfg.Token
	}
	url, token, err := serverSettings(c.store)
	if err != nil {
		return c.cfg.URL, c.cfg.Token
	}
	return url, token
}

// serverSettings reads the server URL and desk token an enrolment saved;
// ErrSyncNotConfigured when either is missing.
func serverSettings(store *Store) (url, token string, err error) {
	url, err = store.Setting(SettingServerURL)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", "", err
	}
	token, err = store.Setting(SettingDeskToken)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", "", err
	}
	if url == "" || token == "" {
		return "", "", ErrSyncNotConfigured
	}
	return strings.TrimRight(url, "/"), token, nil
}

// reEnrolled takes a new enrolment (token, maybe server) at once: the pull
// held open with the old one is cut short and both loops skip their
// backoff.
func (c *SyncClient) reEnrolled() {
	c.mu.Lock()
	abort := c.pullAbort
	c.mu.Unlock()
	if abort != nil {
		abort()
	}
	c.SyncNow()
}

// SyncNow asks for a push and a pull at once, cutting any backoff short
// (for a "sync now" button, or after the network came back).
func (c *SyncClient) SyncNow() {
	kick(c.pushKick)
	kick(c.pullKick)
}

func kick(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// Status returns the current sync status.
func (c *SyncClient) Status() SyncStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.status
}

// Watch returns a channel signalled (coalesced, never blocking the client)
// whenever the status changes, and a function to stop watching.
func (c *SyncClient) Watch() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	c.mu.Lock()
	c.watchers[ch] = struct{}{}
	c.mu.Unlock()
	return ch, func() {
		c.mu.Lock()
		delete(c.watchers, ch)
		c.mu.Unlock()
	}
}

// update changes the status with fn and signals watchers if it changed.
func (c *SyncClient) update(fn func(*SyncStatus)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.status
	fn(&c.status)
	if c.status == old {
		return
	}
	for ch := range c.watchers {
		kick(ch)
	}
}

// report records the outcome of one exchange with the server.
func (c *SyncClient) report(err error) {
	now := c.cfg.Now()
	c.update(func(s *SyncStatus) {
		if err == nil {
			s.Online, s.LastSync, s.Problem, s.LastError, s.ServerTime = true, now, ProblemNone, "", time.Time{}
			return
		}
		s.Online = false
		s.Problem, s.LastError = plainError(err)
		s.ServerTime = serverTimeIn(err)
	})
}

func (c *SyncClient) refreshPending() {
	n, err := c.store.OutboxLen()
	if err != nil {
		return
	}
	aside, err := c.store.SetAsideLen()
	if err != nil {
		return
	}
	c.update(func(s *SyncStatus) { s.Pending, s.SetAside = n, aside })
}

// adoptEpoch handles a server epoch: when it differs from the one the
// desk last synced with (the server was restored from a backup, or this is
// the first contact), every event goes back in the outbox and the cursor
// back to 0. It reports whether it requeued.
func (c *SyncClient) adoptEpoch(epoch string) (bool, error) {
	c.epochMu.Lock()
	defer c.epochMu.Unlock()
	cur, err := c.store.Epoch()
	if err != nil || cur == epoch {
		return false, err
	}
	c.log.Info("new server epoch: re-pushing and pulling from the start", "old", cur, "new", epoch)
	if err := c.requeue(epoch); err != nil {
		return false, err
	}
	return true, nil
}

// requeue adopts a new epoch; the caller holds epochMu. The pull in flight,
// made with the old cursor, is dropped, and the pusher woken.
func (c *SyncClient) requeue(epoch string) error {
	if err := c.store.Requeue(epoch); err != nil {
		return err
	}
	kick(c.pushKick)
	c.mu.Lock()
	if c.pullAbort != nil {
		c.pullAbort()
	}
	c.mu.Unlock()
	return nil
}

// wait sleeps for the next backoff delay; false when ctx is done.
func (c *SyncClient) wait(ctx context.Context, b *backoff, wake <-chan struct{}) bool {
	d := b.next()
	select {
	case <-c.cfg.After(d):
	case <-wake:
		b.reset()
	case <-ctx.Done():
		return false
	}
	return true
}
