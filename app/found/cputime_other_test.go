//go:build !unix

package found_test

import "time"

// cpuTime is not measured here: the benchmark reports 0 CPU a query.
func cpuTime() time.Duration { return 0 }
