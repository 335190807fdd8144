package app_test

import (
	"testing"

	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
)

// fixture is the shared test desk (app/apptest) on this package's register.
type fixture = apptest.Desk[*registers.All]

func newFixture(t *testing.T) *fixture { return apptest.New(t, registers.New) }
