package wire

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Timestamp is a hybrid logical clock reading: 48 bits of physical
// milliseconds since the Unix epoch and a 16-bit logical counter, packed so
// that comparing two Timestamps as integers compares them as HLC readings.
type Timestamp uint64

const counterBits = 16
const counterMax = 1<<counterBits - 1

// MakeTimestamp packs milliseconds and a counter into a Timestamp.
func MakeTimestamp(ms int64, counter uint16) Timestamp {
	return Timestamp(uint64(ms)<<counterBits | uint64(counter))
}

// Millis is the physical part, in milliseconds since the Unix epoch.
func (t Timestamp) Millis() int64 { return int64(t >> counterBits) }

// Counter is the logical part.
func (t Timestamp) Counter() uint16 { return uint16(t & counterMax) }

// Time is the physical part as a time.Time.
func (t Timestamp) Time() time.Time { return time.UnixMilli(t.Millis()) }

// String renders the timestamp as "millis.counter".
func (t Timestamp) String() string {
	return strconv.FormatInt(t.Millis(), 10) + "." + strconv.Itoa(int(t.Counter()))
}

// MarshalText encodes the timestamp as its String form. JSON numbers cannot
// carry 64 bits safely through every client, so the wire uses text.
func (t Timestamp) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText parses the "millis.counter" form.
func (t *Timestamp) UnmarshalText(b []byte) error {
	ms, c, ok := strings.Cut(string(b), ".")
	if !ok {
		return fmt.Errorf("hlc %q: want millis.counter", b)
	}
	m, err := strconv.ParseInt(ms, 10, 64)
	if err != nil || m < 0 || m >= 1<<48 {
		return fmt.Errorf("hlc %q: bad milliseconds", b)
	}
	n, err := strconv.ParseUint(c, 10, 16)
	if err != nil {
		return fmt.Errorf("hlc %q: bad counter", b)
	}
	*t = MakeTimestamp(m, uint16(n))
	return nil
}
