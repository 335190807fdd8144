package demo

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/found"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/data"
)

var benchRecords = flag.String("records", "10000,100000",
	"history sizes of the demo hotels BenchmarkCommandsAtSize runs commands on")

// BenchmarkCommandsAtSize runs the desk's everyday commands on demo hotels
// of each size in -records: a key signed out and in, a found item logged,
// a loan lent and returned, each command beside a raw 300-byte append to
// the same store (apptest.BenchCommand). Issue 12 wants their cost the
// same from 10,000 records to 700,000. A bigger store is a longer history
// of the same hotel (PerDay records a day), so what is open at once stays
// the same.
func BenchmarkCommandsAtSize(b *testing.B) {
	for _, at := range commandStores(b) {
		b.Run(at.name, func(b *testing.B) {
			d := at.open(b)
			b.Run("key", func(b *testing.B) { benchKey(b, d) })
			b.Run("found", func(b *testing.B) { benchFound(b, d) })
			b.Run("loan", func(b *testing.B) { benchLoan(b, d) })
		})
	}
}

// commandStore is a demo hotel the commands run on, opened when its
// benchmark runs.
type commandStore struct {
	name string
	open func(b *testing.B) *apptest.Desk[*registers.All]
}

// commandStores are copies of the stores in $FLOORDESK_BENCH_STORES (make
// bench's cached demo hotels; the commands change them), else demo
// hotels of each size in -records made here.
func commandStores(b *testing.B) []commandStore {
	var out []commandStore
	if list := os.Getenv(benchStoresEnv); list != "" {
		for _, dir := range strings.Split(list, ",") {
			out = append(out, commandStore{"store=" + filepath.Base(dir), func(b *testing.B) *apptest.Desk[*registers.All] {
				return openDemoCopy(b, dir)
			}})
		}
		return out
	}
	for _, field := range strings.Split(*benchRecords, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil {
			b.Fatalf("-records: %v", err)
		}
		out = append(out, commandStore{fmt.Sprintf("records=%d", n), func(b *testing.B) *apptest.Desk[*registers.All] {
			return demoDesk(b, n)
		}})
	}
	return out
}

// openDemoCopy opens a copy of a demo data folder as desk D1 does, its
// clock at the time of day the demo hotel ends.
func openDemoCopy(b *testing.B, dir string) *apptest.Desk[*registers.All] {
	copied := copyStore(b, dir)
	st, err := data.Open(data.Options{Dir: copied, Key: folderKey(b, copied), Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index,
		IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	clock := apptest.NewClock(time.Now().UTC().Truncate(time.Minute))
	core := app.New(st, clock.Now)
	core.Location = time.UTC
	core.DeskCode = "D1"
	return &apptest.Desk[*registers.All]{T: b, Svc: registers.New(core), Core: core, Store: st, Clock: clock}
}

// benchStaff is a demo attendant; benchHolder another, who holds the keys.
const benchStaff, benchHolder = "S05", "S06"

func demoDesk(b *testing.B, records int) *apptest.Desk[*registers.All] {
	d := apptest.Open(b, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	if err := Demo(d.Core, DemoOptions{Seed: 1, Size: records}); err != nil {
		b.Fatal(err)
	}
	return d
}

func benchKey(b *testing.B, d *apptest.Desk[*registers.All]) {
	tag := keyOnBoard(b, d)
	apptest.BenchCommand(b, d.Store, func(i int) {
		if i%2 == 0 {
			d.Must(d.Svc.SignOutKey(benchStaff, keys.KeySignOut{Tag: tag, Holder: benchHolder,
				Purpose: "turn-down", Due: d.Clock.Now().Add(2 * time.Hour)}))
			return
		}
		d.Must(d.Svc.SignInKey(benchStaff, tag))
	})
}

// keyOnBoard is a section key on the board.
func keyOnBoard(b *testing.B, d *apptest.Desk[*registers.All]) string {
	all, err := d.Svc.Keys()
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range all {
		if _, out := k.Current(); !out && !k.Lost && k.Type == keys.KeySection {
			return k.Tag
		}
	}
	b.Fatal("no section key on the board")
	return ""
}

func benchFound(b *testing.B, d *apptest.Desk[*registers.All]) {
	in := found.FoundInput{FoundAt: d.Clock.Now().Add(-time.Hour), Place: "0302", Room: true, Finder: "王芳",
		Category: app.CatElectronics, Description: "black Huawei phone with a cracked screen", Storage: "Desk D1 cabinet"}
	apptest.BenchCommand(b, d.Store, func(int) {
		if _, err := d.Svc.FileFound(benchStaff, in); err != nil {
			b.Fatal(err)
		}
	})
}

func benchLoan(b *testing.B, d *apptest.Desk[*registers.All]) {
	item := itemOnShelf(b, d)
	var id string
	apptest.BenchCommand(b, d.Store, func(i int) {
		if i%2 == 0 {
			l, err := d.Svc.Lend(benchStaff, loans.LendInput{Room: "0302", Lines: []loans.LoanLine{{Item: item, Count: 1}}})
			if err != nil {
				b.Fatal(err)
			}
			id = l.ID
			return
		}
		d.Must(d.Svc.ReturnAll(benchStaff, id))
	})
}

// itemOnShelf is an untagged item type this desk has one of left.
func itemOnShelf(b *testing.B, d *apptest.Desk[*registers.All]) string {
	rows, err := d.Svc.Stock(d.Core.Desk())
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rows {
		if r.Left > 0 && r.Item != "adapter" {
			return r.Item
		}
	}
	b.Fatal("no item on the shelf")
	return ""
}
