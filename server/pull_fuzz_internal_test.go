package server

import (
	"net/http"
	"testing"
	"time"

	"floordesk/data/wire"
)

// FuzzParsePull: a pull query the server accepts has a limit of 1 to
// MaxPullLimit and a wait of 0 to the long-poll time, whatever it says; a
// query it refuses names the field.
func FuzzParsePull(f *testing.F) {
	for _, q := range []string{
		"", "after=0&limit=1000&wait=25", "wait=0", "wait=0.5", "wait=31", "wait=1e10", "wait=1e300",
		"wait=Inf", "wait=+Inf", "wait=NaN", "wait=-0", "wait=-1", "wait=0x1p4", "limit=0", "limit=5000",
		"limit=5001", "after=18446744073709551615", "after=-1", "epoch=e&after=3",
	} {
		f.Add(q)
	}
	s := &Server{cfg: Config{LongPoll: 30 * time.Second}}
	f.Fuzz(func(t *testing.T, query string) {
		r, err := http.NewRequest("GET", "/v1/events?"+query, nil)
		if err != nil {
			return
		}
		q, bad := s.parsePull(r)
		if bad != nil {
			if bad.Field != "after" && bad.Field != "limit" && bad.Field != "wait" {
				t.Fatalf("%q refused without the field: %+v", query, bad)
			}
			return
		}
		if q.limit < 1 || q.limit > wire.MaxPullLimit || q.wait < 0 || q.wait > s.cfg.LongPoll {
			t.Fatalf("%q accepted as limit %d, wait %s", query, q.limit, q.wait)
		}
	})
}
