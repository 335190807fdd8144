package server

import "sync"

// hub wakes the pulls held open for a property when events are stored in
// it. A waiter takes the property's channel before it reads the store, so
// a commit that lands between the read and the wait still wakes it.
type hub struct {
	mu    sync.Mutex
	chans map[string]chan struct{}
}

func newHub() *hub { return &hub{chans: map[string]chan struct{}{}} }

// wait returns a channel closed at the next notify for property.
func (h *hub) wait(property string) <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch, ok := h.chans[property]
	if !ok {
		ch = make(chan struct{})
		h.chans[property] = ch
	}
	return ch
}

// notify wakes every waiter of property.
func (h *hub) notify(property string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ch, ok := h.chans[property]; ok {
		close(ch)
		delete(h.chans, property)
	}
}
