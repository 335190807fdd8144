package demo

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/data"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestDemoViewsGolden pins every view of a demo hotel made with a fixed
// seed, clock and event IDs: a change of code that moves a byte of any
// view (a refactor must not) fails here. Run with -update after a change
// that is meant to alter views, and say why in the commit.
func TestDemoViewsGolden(t *testing.T) {
	n := 0
	dir := t.TempDir()
	opts := data.Options{Dir: dir, Desk: "desk-golden", Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index, IndexVersion: app.IndexVersion,
		Wall:  func() time.Time { return apptest.Start },
		NewID: func() string { n++; return fmt.Sprintf("00000000-0000-7000-8000-%012d", n) },
		Bulk:  true} // as the demo command makes it
	st, err := data.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	svc := app.New(st, func() time.Time { return apptest.Start })
	svc.PINCost, svc.Location = app.TestPINCost, time.UTC
	if err := Demo(svc, DemoOptions{Seed: 11, Size: 3000, Days: 60}); err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(st.Sync(), st.Close()); err != nil {
		t.Fatal(err)
	}
	opts.Bulk = false // and as a desk opens it
	if st, err = data.Open(opts); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got := viewDigests(t, st)
	const file = "testdata/demo_views.golden"
	if *updateGolden {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to make it)", err)
	}
	if got != string(want) {
		t.Fatalf("demo views changed:\n got:\n%s\nwant:\n%s", got, want)
	}
}

// viewDigests is one line per kind: how many views, and the SHA-256 of
// every view's ID and bytes in ID order.
func viewDigests(t *testing.T, st *data.Store) string {
	var b strings.Builder
	for _, kind := range app.RegisteredKinds() {
		h, count := sha256.New(), 0
		err := st.Views(kind, func(id string, state []byte) error {
			count++
			fmt.Fprintf(h, "%s\x00%d\x00", id, len(state))
			h.Write(state)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%-16s %6d %x\n", kind, count, h.Sum(nil))
	}
	return b.String()
}
