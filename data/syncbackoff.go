package data

import "time"

// backoff is exponential backoff with jitter: each delay is between half
// and all of min·2ⁿ, capped at max, so desks that lost the server together
// do not all come back in the same instant.
type backoff struct {
	min, max time.Duration
	rand     func() float64
	n        int
}

func (b *backoff) next() time.Duration {
	d := b.min
	for i := 0; i < b.n && d < b.max; i++ {
		d *= 2
	}
	d = min(d, b.max)
	b.n++
	half := d / 2
	return half + time.Duration(b.rand()*float64(d-half))
}

func (b *backoff) reset() { b.n = 0 }

func (c *SyncClient) newBackoff() backoff {
	return backoff{min: c.cfg.MinBackoff, max: c.cfg.MaxBackoff, rand: c.cfg.Rand}
}
