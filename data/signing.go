package data

import (
	"crypto/ed25519"
	"sync/atomic"

	"floordesk/data/wire"
)

// A command's events are each signed with the desk's Ed25519 key, which
// costs more processor time than anything else the store does for them
// but the disk flush (issue 12: a loan is two events, the record's
// personal-data key and the loan). The signature covers the chain hash,
// which the next event's link needs; nothing else in the transaction
// needs the signature until the event's stream entry is written. So
// appendAll links each event (its hash) and signs it on another goroutine
// while it folds the views and files their index entries, and writes the
// stream entries once the signatures are made, before the commit.

// signing is one event of this transaction being signed. Whoever claims
// it signs it: the signer goroutine, or the writer when it needs the
// signature before the signer got to it (a goroutine on another core can
// take longer to wake than a signature takes).
type signing struct {
	linked  wire.Linked
	claimed atomic.Bool
	done    chan struct{}
	ev      wire.Event // the event, with its seal once done
	enc     []byte     // its encoding
	err     error
	priv    ed25519.PrivateKey
}

// startSigning queues the linked event ev to be signed with the desk's
// key by the transaction's signer, a goroutine of its own that signs its
// events in order and ends when the writer is discarded.
func (w *writer) startSigning(l wire.Linked, ev wire.Event) *signing {
	if w.toSign == nil {
		w.toSign = make(chan *signing, signQueue)
		go signAll(w.toSign)
	}
	sg := &signing{linked: l, done: make(chan struct{}), ev: ev, priv: w.s.signer.priv}
	w.toSign <- sg
	return sg
}

// signQueue is how many events a transaction's signer holds before the
// writer waits for it.
const signQueue = 64

func signAll(queue <-chan *signing) {
	for sg := range queue {
		sg.sign()
	}
}

// sign signs the event unless someone else claimed it.
func (sg *signing) sign() {
	if sg.claimed.CompareAndSwap(false, true) {
		sg.ev, sg.enc, sg.err = sg.linked.Sign(sg.ev, sg.priv)
		close(sg.done)
	}
}

// stopSigning ends the transaction's signer, once it has signed what it
// was given.
func (w *writer) stopSigning() {
	if w.toSign != nil {
		close(w.toSign)
		w.toSign = nil
	}
}

// wait returns the signed event and its encoding.
func (sg *signing) wait() (wire.Event, []byte, error) {
	sg.sign()
	<-sg.done
	return sg.ev, sg.enc, sg.err
}

// unsigned is a local event put in the transaction whose stream entry
// waits for its signature: written[ref][at] is its entry.
type unsigned struct {
	sig *signing
	ref wire.EntityRef
	at  int
}

// finishSigning waits for the signatures of the events put so far and
// writes their stream entries.
func (w *writer) finishSigning() error {
	for _, u := range w.unsigned {
		_, enc, err := u.sig.wait()
		if err != nil {
			return err
		}
		e := &w.written[u.ref][u.at]
		e.enc = enc
		if err := w.set(e.key, enc); err != nil {
			return err
		}
	}
	w.unsigned = nil
	return nil
}

// signed is the events appendAll put, sealed: each waits for its
// signature.
func signed(sigs []*signing) ([]wire.Event, error) {
	out := make([]wire.Event, len(sigs))
	for i, sg := range sigs {
		ev, _, err := sg.wait()
		if err != nil {
			return nil, err
		}
		out[i] = ev
	}
	return out, nil
}
