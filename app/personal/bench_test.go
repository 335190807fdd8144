package personal_test

import (
	"testing"
	"time"

	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	appdemo "floordesk/app/demo"
	"floordesk/app/personal"
)

// BenchmarkHousekeepDemo measures the housekeeping on a demo hotel of
// -benchtime records' history (two years): the first run purges every
// record closed over 90 days ago (as on the first start after the
// upgrade), the second finds nothing left to do (every later run).
func BenchmarkHousekeepDemo(b *testing.B) {
	for _, size := range []int{20000} {
		d := apptest.Open(b, "desk-a", apptest.NewClock(apptest.Start), registers.New)
		if err := appdemo.Demo(d.Core, appdemo.DemoOptions{Seed: 1, Size: size, Days: 730}); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		n, err := personal.Housekeep(d.Core, d.Clock.Now())
		if err != nil {
			b.Fatal(err)
		}
		first := time.Since(start)
		start = time.Now()
		again, err := personal.Housekeep(d.Core, d.Clock.Now())
		if err != nil || again != 0 {
			b.Fatalf("the second run purged %d (%v)", again, err)
		}
		b.ReportMetric(float64(n), "purged")
		b.ReportMetric(first.Seconds(), "first-s")
		b.ReportMetric(time.Since(start).Seconds(), "steady-s")
	}
}
