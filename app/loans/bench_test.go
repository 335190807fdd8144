package loans

import (
	"testing"

	"floordesk/app/apptest"
)

// BenchmarkLoanCommand lends a hair dryer to a room and takes it back,
// one command (one event, one fsync) at a time, each beside a raw
// 300-byte append to the same store (apptest.BenchCommand).
func BenchmarkLoanCommand(b *testing.B) {
	f := apptest.New(b, New)
	setupLoans(f)
	var loan string
	apptest.BenchCommand(b, f.Store, func(i int) {
		if i%2 == 0 {
			l, err := f.Svc.Lend(apptest.AttID, LendInput{Room: "0801", Guest: "王芳", Lines: []LoanLine{{Item: "hair_dryer", Count: 1}}})
			if err != nil {
				b.Fatal(err)
			}
			loan = l.ID
			return
		}
		f.Must(f.Svc.ReturnAll(apptest.AttID, loan))
	})
}
