package app

import (
	"math"
	"slices"
	"time"
)

// Quantile is the q-quantile (0 < q <= 1) of ds by the nearest rank: the
// smallest value with at least q of the values at or below it, so the
// median of 1..10 minutes is 5 and its p90 is 9. It is 0 for no values.
// ds is sorted in place.
func Quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	rank := int(math.Ceil(q*float64(len(ds)))) - 1
	return ds[min(max(rank, 0), len(ds)-1)]
}
