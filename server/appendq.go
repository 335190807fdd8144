package server

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// appendQueue stores each property's pushes one group at a time, in the
// order they were queued: the pushes that come while a group is being
// stored wait, then go to the store together as one Append (one
// transaction, one flush to disk). A push waits for the disk flush; a
// desk that sends its next push before the last is answered (FollowsHeader),
// or many desks of one property, then share flushes instead of queuing
// for one each: on PostgreSQL a push holds its property's counter locked
// until its commit is on disk, so the flushes of one property's pushes
// could not overlap otherwise.
type appendQueue struct {
	store     Store
	maxEvents int   // events in one group: the push limit, so a group is no larger than one push can be
	maxBytes  int64 // bytes of events in one group, likewise

	mu    sync.Mutex
	props map[string]*propertyQueue // the properties with a group being stored
}

// propertyQueue is the pushes of one property waiting for the group being
// stored.
type propertyQueue struct {
	waiting []*queuedPush
	idle    chan struct{} // closed when the last waiting push is stored
}

// queuedPush is one push in the queue. Its result is set before done is
// closed.
type queuedPush struct {
	ctx   context.Context
	evs   []Pushed
	bytes int64
	// after are the queued pushes holding the events this push's chain
	// links follow: it is stored only if they are.
	after []*queuedPush
	done  chan struct{}
	res   AppendResult
	err   error
}

// errAfterFailed refuses a push whose chain follows a push that was not
// stored.
var errAfterFailed = errors.New("the push before it was not stored")

func newAppendQueue(st Store, maxEvents int, maxBytes int64) *appendQueue {
	return &appendQueue{store: st, maxEvents: maxEvents, maxBytes: maxBytes, props: map[string]*propertyQueue{}}
}

func newQueuedPush(ctx context.Context, evs []Pushed, after []*queuedPush) *queuedPush {
	p := &queuedPush{ctx: ctx, evs: evs, after: after, done: make(chan struct{})}
	for _, e := range evs {
		p.bytes += int64(len(e.Raw))
	}
	return p
}

// enqueue queues p behind property's earlier pushes, starting the
// property's storer when none runs.
func (q *appendQueue) enqueue(property string, p *queuedPush) {
	q.mu.Lock()
	defer q.mu.Unlock()
	pq, running := q.props[property]
	if !running {
		pq = &propertyQueue{idle: make(chan struct{})}
		q.props[property] = pq
	}
	pq.waiting = append(pq.waiting, p)
	if !running {
		go q.run(property, pq)
	}
}

// wait returns p's result once it is stored or refused. It does not give
// up with p's context: the store may be committing it.
func (p *queuedPush) wait() (AppendResult, error) {
	<-p.done
	return p.res, p.err
}

// run stores property's groups until none waits.
func (q *appendQueue) run(property string, pq *propertyQueue) {
	for {
		q.mu.Lock()
		group := q.take(pq)
		if len(group) == 0 {
			delete(q.props, property)
			close(pq.idle)
			q.mu.Unlock()
			return
		}
		q.mu.Unlock()
		q.storeGroup(property, group)
	}
}

// take removes the next group from pq: the first push, and those after it
// while the group stays within the limits. The caller holds q.mu.
func (q *appendQueue) take(pq *propertyQueue) []*queuedPush {
	n, events, bytes := 0, 0, int64(0)
	for _, p := range pq.waiting {
		if n > 0 && (events+len(p.evs) > q.maxEvents || bytes+p.bytes > q.maxBytes) {
			break
		}
		n, events, bytes = n+1, events+len(p.evs), bytes+p.bytes
	}
	group := slices.Clone(pq.waiting[:n])
	pq.waiting = slices.Delete(pq.waiting, 0, n)
	return group
}

// storeGroup stores a group as one append. When that fails (a conflict,
// a full disk, a desk gone), each push is stored alone, in order, so that
// each gets its own answer.
func (q *appendQueue) storeGroup(property string, group []*queuedPush) {
	live := make([]*queuedPush, 0, len(group))
	for _, p := range group {
		if err := p.ready(); err != nil {
			p.finish(AppendResult{}, err)
			continue
		}
		live = append(live, p)
	}
	if len(live) > 1 && q.storeTogether(property, live) {
		return
	}
	for _, p := range live {
		if err := p.ready(); err != nil {
			p.finish(AppendResult{}, err)
			continue
		}
		p.finish(q.store.Append(p.ctx, property, p.evs))
	}
}

// ready is nil when p may be stored: its desk still waits for it and the
// pushes it follows were stored. (One it follows that is not done yet is
// in p's own group, stored with it.)
func (p *queuedPush) ready() error {
	for _, a := range p.after {
		select {
		case <-a.done:
			if a.err != nil {
				return errAfterFailed
			}
		default:
		}
	}
	return p.ctx.Err()
}

func (p *queuedPush) finish(res AppendResult, err error) {
	p.res, p.err = res, err
	close(p.done)
}

// storeTogether appends the group's events as one batch and gives each
// push its share of the result; false, with nothing stored, when the
// batch failed or holds one ID twice with other content.
func (q *appendQueue) storeTogether(property string, group []*queuedPush) bool {
	var all []Pushed
	for _, p := range group {
		all = append(all, p.evs...)
	}
	if CheckRepeats(all) != nil {
		return false
	}
	// The group is stored for every push in it: not given up when the
	// first one's desk hangs up, but within the time a desk waits.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(group[0].ctx), DeskAnswerTimeout)
	defer cancel()
	res, err := q.store.Append(ctx, property, all)
	if err != nil {
		return false
	}
	for _, p := range group {
		p.finish(shareOf(&res, p.evs), nil)
	}
	return true
}

// shareOf is the part of a group's result that belongs to its next push,
// evs: the group's result with that push's events taken off its front.
func shareOf(group *AppendResult, evs []Pushed) AppendResult {
	n := len(evs)
	dups := 0
	for dups < len(group.DuplicateAt) && group.DuplicateAt[dups] < n {
		dups++
	}
	res := AppendResult{Stored: n - dups, Duplicates: dups}
	for _, i := range group.DuplicateAt[:dups] {
		res.DuplicateAt = append(res.DuplicateAt, i)
	}
	first := group.LastSeq - uint64(group.Stored) // the last sequence before the group
	res.LastSeq = first + uint64(res.Stored)
	ids := make(map[string]bool, n)
	for _, e := range evs {
		ids[e.Event.ID] = true
	}
	for _, pe := range group.Pending {
		if ids[pe.Target] {
			res.Pending = append(res.Pending, pe)
		}
	}
	group.Stored -= res.Stored
	group.Duplicates -= dups
	group.DuplicateAt = group.DuplicateAt[dups:]
	for i := range group.DuplicateAt {
		group.DuplicateAt[i] -= n
	}
	return res
}

// idle returns a channel closed once every push queued for property is
// stored or refused, or nil when none is.
func (q *appendQueue) idle(property string) <-chan struct{} {
	q.mu.Lock()
	defer q.mu.Unlock()
	if pq, ok := q.props[property]; ok {
		return pq.idle
	}
	return nil
}
