package kit

// Clocker clocks staff in and out at the sign-in, where nobody is signed
// in: at the start of a shift the desk is usually signed out, and staff
// clock in without signing in. The attendance register fills it in its
// Register; the shell knows it only by this interface.
//
// Each method either clocks and returns the sentence that confirms it in
// the user's language ("Wang Fang clocked in at 06:55."), or refuses with
// the register's refusal (a wrong PIN counts towards the lock-out, as a
// sign-in does). Call them on the Fyne goroutine.
type Clocker interface {
	// ClockIn clocks staffID in after checking their PIN.
	ClockIn(staffID, pin string) (string, error)
	// ClockOut clocks staffID out after checking their PIN.
	ClockOut(staffID, pin string) (string, error)
	// ClockBadge clocks the owner of a scanned badge (their staff number)
	// in, or out when they are on duty. taken is false, and nothing was
	// done, when the tag is no staff member's badge.
	ClockBadge(tag string) (said string, taken bool, err error)
}
