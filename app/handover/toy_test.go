package handover_test

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/handover"
	"floordesk/data/wire"
)

// A toy register, registered only in this test binary, as a new register
// would be: the handover takes its rows without naming it.

const kindToy = "toy"

type toyRow struct {
	Desk string `json:"desk"`
	Note string `json:"note"`
}

func init() {
	app.RegisterKind(kindToy, func(state []byte, _ ...wire.Event) ([]byte, error) { return state, nil })
	app.Register(app.Module{Name: "toys", Order: 95, Kinds: []string{kindToy},
		Handover: func(_ *app.Service, desk string, now time.Time) (any, error) {
			return []toyRow{{Desk: desk, Note: "wake-up call at " + now.Format("15:04")}}, nil
		},
		NoDemo: "a test register",
	})
}

func TestHandoverTakesEveryRegistersRows(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	h, err := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{KeysCounted: 0})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := handover.HandoverSection[toyRow](h.Lists, "toys")
	if err != nil || len(rows) != 1 || rows[0].Desk != "D1" || rows[0].Note != "wake-up call at 08:00" {
		t.Fatalf("toy rows = %+v, %v (lists %s)", rows, err, h.Lists)
	}
	if err := app.CheckModule(app.Modules()[len(app.Modules())-1]); err != nil {
		t.Fatalf("toy module: %v", err)
	}
}
