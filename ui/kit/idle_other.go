//go:build !windows

package kit

import "time"

// systemIdle is unknown here: the desk counts its own use (Touch).
func systemIdle() (time.Duration, bool) { return 0, false }
