package kit

import (
	"sync/atomic"
	"time"
)

// The desk signs its person out after a time without use (the hotel's
// setting, app.Hotel.SignOutAfter): a desk PC stands in a corridor. Use
// is the PC's own input where the system says (Windows: the last key or
// mouse input to any window, systemIdle), else what the person does in
// the desk: signing in, typing in a field, picking a row or a screen,
// opening a record.

// active is the session whose person the desk's widgets count use for:
// the newest, as the desk has one.
var active atomic.Pointer[Session]

// Touch records that the person at the desk did something now.
func (s *Session) Touch() {
	s.touched.Store(s.Now().UnixNano())
}

// touchActive records use for the desk's session (a typed key, a picked
// row); widgets call it.
func touchActive() {
	if s := active.Load(); s != nil {
		s.Touch()
	}
}

// Idle is how long the desk has gone without use: since its last use in
// the desk, or less when the system saw input since (the mouse moved).
func (s *Session) Idle() time.Duration {
	idle := s.Now().Sub(time.Unix(0, s.touched.Load()))
	if sys, ok := systemIdle(); ok && sys < idle {
		idle = sys
	}
	return max(idle, 0)
}
