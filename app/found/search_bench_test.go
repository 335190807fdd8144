package found_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	_ "floordesk/app/apptest/registers" // a whole hotel: every register's history
	"floordesk/app/demo"
	"floordesk/app/found"
	"floordesk/app/textsearch"
	"floordesk/data"
	"floordesk/data/deskkey"
	"floordesk/data/seal"
	"floordesk/data/wire"
)

var (
	benchSize  = flag.Int("search.size", 700_000, "records of history in the search benchmark's demo hotel")
	benchYears = flag.Int("search.years", 5, "years of history in the search benchmark's demo hotel")
	benchDir   = flag.String("search.dir", "", "folder to keep the benchmark's demo hotel in and open again (default: a new one each run)")
)

var benchNow = time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)

// benchDesk opens the benchmark's demo hotel: -search.size records over
// -search.years years, made once in -search.dir when it is given.
//
// Under make bench ($FLOORDESK_BENCH_STORES) it opens the largest of its
// cached demo hotels instead: the queries change nothing.
func benchDesk(b *testing.B) (*data.Store, *found.FoundRegister) {
	b.Helper()
	if list := os.Getenv("FLOORDESK_BENCH_STORES"); list != "" {
		stores := strings.Split(list, ",")
		return openDesk(b, stores[len(stores)-1], "")
	}
	dir := *benchDir
	if dir == "" {
		dir = b.TempDir()
	}
	made := filepath.Join(dir, fmt.Sprintf("made-%d-%d", *benchSize, *benchYears))
	_, err := os.Stat(made)
	fresh := err != nil
	st, reg := openDesk(b, dir, "desk-demo")
	if fresh {
		core := reg.Service
		start := time.Now()
		if err := demo.Demo(core, demo.DemoOptions{Seed: 1, Size: *benchSize, Days: *benchYears * 365}); err != nil {
			b.Fatal(err)
		}
		b.Logf("made a demo hotel of %d records over %d years in %s", *benchSize, *benchYears, time.Since(start).Round(time.Second))
		if err := os.WriteFile(made, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return st, reg
}

// openDesk opens the demo hotel in dir (or a new store there for desk),
// its clock at benchNow.
func openDesk(b *testing.B, dir, desk string) (*data.Store, *found.FoundRegister) {
	var key seal.Key
	if _, err := deskkey.ReadID(dir); err == nil { // a demo folder made by the demo command
		cfg, _ := os.UserConfigDir()
		if key, _, err = (deskkey.Finder{Dir: dir, ConfigDir: cfg}).Find(); err != nil {
			b.Fatalf("the key of %s: %v", dir, err)
		}
	}
	st, err := data.Open(data.Options{Dir: dir, Key: key, Desk: desk, Fold: app.Fold, Index: app.Index,
		IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	core := app.New(st, func() time.Time { return benchNow })
	core.PINCost = app.TestPINCost
	return st, found.New(core)
}

// benchQueries are what a desk types into the found list's search with
// the "all" filter: room numbers, Chinese words, pinyin initials, tags
// (filled in from the store), one letter, two words; and the claimed
// filter with nothing typed.
var benchQueries = []struct {
	name   string
	texts  []string
	status found.FoundStatus
}{
	{"room", []string{"1203", "0517", "0801", "1125"}, ""},
	{"chinese", []string{"钱包", "雨伞", "耳机", "充电宝", "身份证"}, ""},
	{"initials", []string{"qb", "ys", "ej", "cdb", "sfz"}, ""},
	{"tag", nil, ""},
	{"one-letter", []string{"c", "q", "1"}, ""},
	{"two-words", []string{"qb 12", "huawei 05", "ys 大堂"}, ""},
	{"claimed-latest", []string{""}, found.FoundClaimed},
}

var benchCategories = map[app.Category]string{app.CatElectronics: "电子产品", app.CatDocuments: "证件文件",
	app.CatValuables: "首饰贵重物品", app.CatCash: "现金", app.CatClothing: "衣物", app.CatOther: "其他"}

// BenchmarkSearchFound answers the typical queries from the word index
// over a large demo hotel (-search.size, 700,000 records by default),
// reporting each kind's median, p95 and slowest query, the answers' size
// and the Go heap after the queries; and, as the reference in the same
// run, what the found screen did before for the "all" filter: read every
// item and match each one's tokens.
//
//	go test -tags migrated_fynedo ./app/found -run XXX -bench SearchFound -benchtime 200x -search.dir /tmp/fd-bench
func BenchmarkSearchFound(b *testing.B) {
	_, reg := benchDesk(b)
	tags := benchTags(b, reg)
	for _, bq := range benchQueries {
		texts := bq.texts
		if bq.name == "tag" {
			texts = tags
		}
		b.Run(bq.name, func(b *testing.B) {
			var lat []time.Duration
			answers := 0
			cpu := cpuTime()
			for i := 0; b.Loop(); i++ {
				q := found.FoundQuery{Text: texts[i%len(texts)], Status: bq.status, Categories: benchCategories}
				start := time.Now()
				page, err := reg.SearchFound(q)
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				answers += len(page.Items)
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(len(lat)), "cpu-ms/op")
			reportLatency(b, lat)
			b.ReportMetric(float64(answers)/float64(len(lat)), "answers/op")
			reportHeap(b)
		})
	}
	b.Run("reference-read-all", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			items, err := reg.FoundItems("")
			if err != nil {
				b.Fatal(err)
			}
			terms := textsearch.Terms(benchQueries[2].texts[i%5])
			n := 0
			for _, f := range items {
				if textsearch.Match(terms, textsearch.Tokens(f.Tag, f.Place, f.Finder, benchCategories[f.Category], f.Description, f.Location().Location)) {
					n++
				}
			}
			b.ReportMetric(float64(len(items)), "items-read")
			reportHeap(b)
			runtime.KeepAlive(items)
		}
	})
}

// benchTags are tags of items found over the years, to look up whole.
func benchTags(b *testing.B, reg *found.FoundRegister) []string {
	var tags []string
	for _, year := range []string{"lf2603", "lf25", "lf24", "lf23", "lf22"} {
		page, err := reg.SearchFound(found.FoundQuery{Text: year, Limit: 50})
		if err != nil {
			b.Fatal(err)
		}
		for i, item := range page.Items {
			if i%10 == 0 {
				tags = append(tags, item.Tag)
			}
		}
	}
	if len(tags) == 0 {
		b.Fatal("the demo hotel has no found items")
	}
	return tags
}

func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	at := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(1), "max-ms")
}

// reportHeap reports the Go heap in use after a collection, the live
// memory of the desk's process at that moment (Badger's tables and
// caches included).
func reportHeap(b *testing.B) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MB")
}

// BenchmarkWordIndexSize makes the same demo hotel twice, with and
// without the word index, and reports what the index adds for each found
// item: its entries, their key bytes, and the bytes of the store's tables
// on disk; and how much longer the hotel took to make.
//
//	go test -tags migrated_fynedo ./app/found -run XXX -bench WordIndexSize -benchtime 1x
func BenchmarkWordIndexSize(b *testing.B) {
	const size, years = 50_000, 2
	without := func(ref wire.EntityRef, view []byte) []wire.IndexEntry {
		return slices.DeleteFunc(app.Index(ref, view), func(e wire.IndexEntry) bool { return e.ByPrefix })
	}
	for b.Loop() {
		var tables [2]int64
		var took [2]time.Duration
		var items, entries, keyBytes int
		for i, index := range []data.IndexFunc{app.Index, without} {
			dir := b.TempDir()
			st, err := data.Open(data.Options{Dir: dir, Desk: "desk-demo", Fold: app.Fold, Index: index,
				IndexVersion: app.IndexVersion, GCInterval: -1})
			if err != nil {
				b.Fatal(err)
			}
			core := app.New(st, func() time.Time { return benchNow })
			core.PINCost = app.TestPINCost
			start := time.Now()
			if err := demo.Demo(core, demo.DemoOptions{Seed: 1, Size: size, Days: years * 365}); err != nil {
				b.Fatal(err)
			}
			took[i] = time.Since(start)
			if i == 0 {
				all, err := found.New(core).FoundItems("")
				if err != nil {
					b.Fatal(err)
				}
				items = len(all)
				err = st.ReadIndex("search/"+found.KindFound, func(r wire.IndexReader) error {
					return r.Scan(nil, nil, func(key []byte, ref wire.EntityRef) bool {
						entries++
						keyBytes += 1 + len("search/found") + 1 + len(key) + len(ref.Kind) + 1 + len(ref.ID) + 2
						return true
					})
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
			tables[i] = tableBytes(b, dir)
		}
		b.ReportMetric(float64(items), "found-items")
		b.ReportMetric(float64(entries)/float64(items), "entries/item")
		b.ReportMetric(float64(keyBytes)/float64(items), "key-bytes/item")
		b.ReportMetric(float64(tables[0]-tables[1])/float64(items), "disk-bytes/item")
		b.ReportMetric(float64(tables[1])/float64(size), "store-bytes/record-without")
		b.ReportMetric(took[0].Seconds(), "s-with")
		b.ReportMetric(took[1].Seconds(), "s-without")
	}
}

// tableBytes is the size of the store's tables (.sst) in dir.
func tableBytes(b *testing.B, dir string) int64 {
	files, err := filepath.Glob(filepath.Join(dir, "*.sst"))
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		n += fi.Size()
	}
	return n
}

// BenchmarkRebuildIndexes files every view of the benchmark's hotel again,
// as a desk's first start with a new app.IndexVersion does.
//
//	go test -tags migrated_fynedo ./app/found -run XXX -bench RebuildIndexes -benchtime 1x -search.dir /tmp/fd-bench
func BenchmarkRebuildIndexes(b *testing.B) {
	st, _ := benchDesk(b)
	for b.Loop() {
		if err := st.RebuildIndexes(); err != nil {
			b.Fatal(err)
		}
	}
}
