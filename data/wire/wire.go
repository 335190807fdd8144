package wire

import (
	"encoding/json"
	"time"
)

// Wire types of the sync protocol, shared by the desk's sync client and the
// central server (see docs/API.md). Events travel in their canonical
// encoding (Event.Encode) as raw JSON, so a server or desk that does not know
// an event's type, or a newer envelope field, forwards it unchanged.

// APIVersion is the path prefix of the sync protocol version spoken by this
// build.
const APIVersion = "v1"

// Limits a server applies unless configured otherwise.
const (
	DefaultMaxBatch     = 1000              // events in one push
	DefaultMaxBodyBytes = 8 << 20           // bytes of one push body, after gzip decoding
	DefaultPullLimit    = 1000              // events in one pull answer
	MaxPullLimit        = 5000              // the largest limit a pull may ask for
	EpochHeader         = "FloorDesk-Epoch" // carries the server epoch on every answer
	// FollowsHeader, on a push, names the last event of the desk's
	// previous push when that push is not answered yet: the server stores
	// this push after that one, and only if that one is stored.
	FollowsHeader = "FloorDesk-Follows"
	// PushAheadHeader, on a push answer, says how many pushes the desk
	// may have unanswered at once (each after the first carrying
	// FollowsHeader); a server that does not send it takes one at a time.
	PushAheadHeader = "FloorDesk-Push-Ahead"
)

// PushRequest is the body of POST /v1/events: a batch of events, each in its
// canonical encoding.
type PushRequest struct {
	Events []json.RawMessage `json:"events"`
}

// PushResponse answers a push that was accepted as a whole. Stored counts
// the events new to the server, Duplicates those it already had (a repeated
// push is harmless). LastSeq is the property's latest sequence number.
type PushResponse struct {
	Stored     int    `json:"stored"`
	Duplicates int    `json:"duplicates"`
	LastSeq    uint64 `json:"last_seq"`
	Epoch      string `json:"epoch"`
}

// PullEvent is one event in a pull answer with its server sequence number.
type PullEvent struct {
	Seq   uint64          `json:"seq"`
	Event json.RawMessage `json:"event"`
}

// PullResponse answers GET /v1/events?after=SEQ. Events are in sequence
// order; Next is the cursor to ask after next time (the last event's
// sequence, or the request's own cursor when there were none). More is true
// when the server holds further events beyond this answer.
type PullResponse struct {
	Epoch  string      `json:"epoch"`
	Events []PullEvent `json:"events"`
	Next   uint64      `json:"next"`
	More   bool        `json:"more"`
}

// InfoResponse answers GET /v1/info for an enrolled desk. Version is the
// server's release; Protocol and MinDeskProtocol its sync protocol level
// and the oldest desk level it serves (both absent from servers before
// levels).
type InfoResponse struct {
	Epoch           string `json:"epoch"`
	Version         string `json:"version"`
	Protocol        int    `json:"protocol,omitempty"`
	MinDeskProtocol int    `json:"min_desk_protocol,omitempty"`
	Property        string `json:"property"`
	Desk            string `json:"desk"`
	LastSeq         uint64 `json:"last_seq"`
}

// EnrollRequest is the body of POST /v1/enroll: a one-time code from the
// server's administrator and the desk's ID.
type EnrollRequest struct {
	Code string `json:"code"`
	Desk string `json:"desk"`
	// Key is the desk's signing key, registered with the enrolment (absent
	// from desks before the chain).
	Key *KeyRequest `json:"key,omitempty"`
}

// EnrollResponse carries the desk's own token. The server keeps only its
// hash, so it is shown this once.
type EnrollResponse struct {
	Token    string `json:"token"`
	Property string `json:"property"`
	Desk     string `json:"desk"`
	// Group lists the properties a group grant may read (Property is then
	// empty): the desk pulls each with PropertyParam and never pushes.
	Group []string `json:"group,omitempty"`
}

// PropertyParam is the query parameter of a pull, a snapshot or an info
// request naming the property asked for: required of a group grant's
// desk, optional for a property's own desk (which may name only its own).
const PropertyParam = "property"

// ErrorBody is the JSON body of every answer with a 4xx or 5xx status. Code
// is a stable machine word (see docs/API.md); Message says what is wrong in
// English, naming the field when there is one.
type ErrorBody struct {
	Code    string `json:"error"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Event   string `json:"event,omitempty"` // the ID of the event refused, when one is
	// ServerTime is the server's clock when it refused an event from the
	// future (ErrCodeClockAhead), for the desk to show.
	ServerTime time.Time `json:"server_time,omitzero"`
}

// Error codes carried in ErrorBody.Code.
const (
	ErrCodeBadRequest   = "bad_request"
	ErrCodeInvalidEvent = "invalid_event"
	ErrCodeTooLarge     = "too_large"
	ErrCodeConflict     = "event_conflict" // an event ID already stored with other content
	ErrCodeClockAhead   = "clock_ahead"    // an event's clock is ahead of the server's: see MaxClockAhead
	ErrCodeUnauthorized = "unauthorized"
	ErrCodeForbidden    = "forbidden"
	ErrCodeUnsupported  = "unsupported"
	ErrCodeBadCode      = "bad_enrolment_code"
	ErrCodeNotFound     = "not_found"
	ErrCodeMethod       = "method_not_allowed"
	ErrCodeUnavailable  = "unavailable"
	ErrCodeInternal     = "internal"
	ErrCodeDiskFull     = "disk_full" // 507: the server's disk is full; nothing was stored, push again later
	// ErrCodeBadSignature (403): an event is not signed by the desk it
	// names (another key, none after the desk sealed every event, or a key
	// the desk never registered). Nothing of the push was stored.
	ErrCodeBadSignature = "bad_signature"
	// ErrCodeChainBroken (409): an event was changed after it was sealed,
	// or does not follow the event before it in its desk's chain as the
	// server holds it. Nothing of the push was stored.
	ErrCodeChainBroken = "chain_broken"
)

// KeyRequest is the body of POST /v1/key: the desk registers its public
// signing key (EncodeKey) and the clock reading from which it seals every
// event. Registering a key the server has is harmless.
type KeyRequest struct {
	PublicKey string    `json:"public_key"`
	Since     Timestamp `json:"since"`
}
