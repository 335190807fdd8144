package data

import (
	"errors"
	"io"
	"testing"
	"time"

	"floordesk/data/wire"
)

func TestSyncBackoffGrowsWithJitterAndCaps(t *testing.T) {
	tests := []struct {
		name string
		rand float64
		want []time.Duration
	}{
		{"no jitter", 0, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}},
		{"full jitter", 0.999999, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := backoff{min: time.Second, max: 10 * time.Second, rand: func() float64 { return tc.rand }}
			for i, want := range tc.want {
				got := b.next().Round(time.Millisecond)
				if got != want {
					t.Fatalf("delay %d = %v, want %v", i, got, want)
				}
			}
			b.reset()
			if got := b.next().Round(time.Millisecond); got != tc.want[0] {
				t.Fatalf("after reset = %v, want %v", got, tc.want[0])
			}
		})
	}
}

func TestSyncPlainErrors(t *testing.T) {
	tests := []struct {
		err     error
		problem SyncProblem
		want    string
	}{
		{&ServerError{Status: 401}, ProblemRefused, "The server refused this desk. Ask a supervisor to enrol the desk again."},
		{&ServerError{Status: 413}, ProblemRejected, "The server refused a batch as too large."},
		{&ServerError{Status: 503}, ProblemServer, "The server has a problem. Work goes on; it will be sent later."},
		{&ServerError{Status: 400, Body: wire.ErrorBody{Message: "events[0]: hlc must be set"}}, ProblemRejected, "The server refused the request: events[0]: hlc must be set"},
		{io.ErrUnexpectedEOF, ProblemUnreachable, "Cannot reach the server. Work goes on; it will be sent when the network is back."},
		{errors.New("odd"), ProblemOther, "Sync failed: odd"},
	}
	for _, tc := range tests {
		if problem, got := plainError(tc.err); problem != tc.problem || got != tc.want {
			t.Errorf("plainError(%v) = %v, %q; want %v, %q", tc.err, problem, got, tc.problem, tc.want)
		}
	}
}
