package found

import (
	"testing"

	"floordesk/app/apptest"
)

// fixture is the shared test desk (app/apptest) on this package's register.
type fixture = apptest.Desk[*FoundRegister]

func newFixture(t *testing.T) *fixture { return apptest.New(t, New) }
