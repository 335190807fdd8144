package wire

import "strconv"

// Sync protocol levels. A desk says its level in every request
// (ProtocolHeader); a desk from before levels sends none and is level 1.
// The server answers every request with its own level and the oldest desk
// level it serves (MinProtocolHeader), and refuses an older desk with 426
// and ErrCodeDeskTooOld, which the desk shows as "please update".
//
// The rule for changing the protocol: a server serves desks one level
// behind it (MinDeskProtocol = Protocol - 1), and a desk works with a
// server one level behind it (it sends nothing an older server refuses:
// new envelope fields are forwarded unchanged, see docs/API.md). So the
// desks and the server can be updated in either order, one step at a time.
const (
	Protocol          = 2                        // the level this build speaks
	MinDeskProtocol   = Protocol - 1             // the oldest desk level this build's server serves
	ProtocolHeader    = "FloorDesk-Protocol"     // request: the desk's level; answer: the server's
	MinProtocolHeader = "FloorDesk-Min-Protocol" // answer: the oldest desk level the server serves
	MaxProtocol       = 999                      // the largest level a header may carry
	ErrCodeDeskTooOld = "desk_too_old"           // 426: the server needs a newer desk
)

// ParseProtocol reads a protocol header: "" (a peer from before levels) is
// level 1; anything but a level 1..MaxProtocol is refused.
func ParseProtocol(h string) (int, bool) {
	if h == "" {
		return 1, true
	}
	if len(h) > 3 {
		return 0, false
	}
	n, err := strconv.Atoi(h)
	if err != nil || n < 1 || n > MaxProtocol {
		return 0, false
	}
	return n, true
}
