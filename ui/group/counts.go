package group

import (
	"errors"
	"time"

	"floordesk/app"
	appfound "floordesk/app/found"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
	"floordesk/ui/found"
	"floordesk/ui/keys"
	"floordesk/ui/kit"
	"floordesk/ui/loans"
	"floordesk/ui/requests"
)

// The dashboard's tiles the overview shows, as the registers' dashboard
// parts name them.
const (
	tileLate  = "dash.tile_late"      // requests: N late
	tileKeys  = "dash.tile_keys_out"  // keys: Late overdue
	tileLoans = "dash.tile_loans_due" // loans: Late overdue
	tileFound = "dash.tile_found"     // found items: Late past holding
)

// Counts are a property's four counts on the dashboard.
type Counts struct {
	LateRequests     int
	KeysOverdue      int
	LoansOverdue     int
	FoundPastHolding int
}

// countsOf reads the four counts out of the dashboard's tiles.
func countsOf(tiles map[string]kit.TileCount) Counts {
	return Counts{LateRequests: tiles[tileLate].N, KeysOverdue: tiles[tileKeys].Late,
		LoansOverdue: tiles[tileLoans].Late, FoundPastHolding: tiles[tileFound].Late}
}

// Sources are the dashboard parts of the registers the overview counts,
// on session s of a property: the very parts its dashboard shows.
func Sources(s *kit.Session, svc *app.Service) []*kit.DashSource {
	return []*kit.DashSource{
		requests.Dashboard(s, apprequests.New(svc)),
		keys.Dashboard(s, appkeys.New(svc)),
		loans.Dashboard(s, apploans.New(svc)),
		found.Dashboard(s, appfound.New(svc)),
	}
}

// Views are the dashboard parts of a property as last read from its
// store; At evaluates them at a moment without reading the store again.
type Views []kit.DashView

// Load reads sources from the store.
func Load(sources []*kit.DashSource) (Views, error) {
	vs := make(Views, len(sources))
	var errs []error
	for i, src := range sources {
		v, err := src.Load()
		vs[i] = v
		errs = append(errs, err)
	}
	return vs, errors.Join(errs...)
}

// At is the property's counts at now.
func (vs Views) At(now time.Time) Counts {
	tiles := map[string]kit.TileCount{}
	for _, v := range vs {
		if v == nil {
			continue
		}
		for k, c := range v(now).Counts {
			tiles[k] = c
		}
	}
	return countsOf(tiles)
}
