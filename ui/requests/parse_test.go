package requests

import (
	"testing"
	"time"
)

func TestParseClock(t *testing.T) {
	now := time.Date(2026, 3, 3, 23, 50, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: ""},
		{in: "23:59", want: time.Date(2026, 3, 3, 23, 59, 0, 0, time.UTC)},
		{in: "00:30", want: time.Date(2026, 3, 4, 0, 30, 0, 0, time.UTC)},
		{in: "2330", want: time.Date(2026, 3, 3, 23, 30, 0, 0, time.UTC)},
		{in: "23：55", want: time.Date(2026, 3, 3, 23, 55, 0, 0, time.UTC)},
		{in: "25:00", bad: true},
		{in: "9:5", bad: true},
		{in: "soon", bad: true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseClock(tc.in, now)
			if (err != nil) != tc.bad || !got.Equal(tc.want) {
				t.Errorf("parseClock(%q) = %v, %v; want %v (bad %v)", tc.in, got, err, tc.want, tc.bad)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{"", 0, false}, {"50", 5000, false}, {"12.5", 1250, false}, {"¥0.05", 5, false},
		{"-3", -300, false}, {"1.234", 0, true}, {"abc", 0, true},
	} {
		got, err := parseMoney(tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("parseMoney(%q) = %d, %v; want %d (bad %v)", tc.in, got, err, tc.want, tc.bad)
		}
	}
}
