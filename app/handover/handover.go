package handover

import (
	"encoding/json"
	"time"

	"floordesk/app"
)

// Shift handover (交接班): at shift end the desk lists what the next shift
// inherits — open requests, keys out, loans due, items awaiting claim — with
// free notes and the key count, and the outgoing and incoming attendants
// each sign with their PIN. Once both have signed the handover cannot
// change. State and event bodies are here, the fold in fold.go,
// commands in commands.go.

// KindHandover is the entity kind of a shift handover.
const KindHandover = "handover"

// Event types of a handover.
const (
	TypeHandoverDrafted = "handover.drafted" // lists taken (again) from the registers
	TypeHandoverNoted   = "handover.noted"
	TypeHandoverSigned  = "handover.signed"
)

// SignRole says which side of the handover a signature is.
type SignRole string

// Signature roles.
const (
	SignOutgoing SignRole = "outgoing"
	SignIncoming SignRole = "incoming"
)

// Handover is the folded state of one desk's handover for one shift.
type Handover struct {
	app.Meta  `json:"meta"`
	ID        string             `json:"id"`
	Desk      string             `json:"desk"`
	Shift     string             `json:"shift"`
	DraftedAt time.Time          `json:"drafted_at"`
	DraftedBy string             `json:"drafted_by"`
	Lists     HandoverLists      `json:"lists"`
	Board     app.BoardCount     `json:"key_count"`
	Notes     []HandoverNote     `json:"notes,omitempty"`
	Outgoing  *HandoverSignature `json:"outgoing,omitempty"`
	Incoming  *HandoverSignature `json:"incoming,omitempty"`
}

// HandoverLists is what the next shift inherits, as it stood when
// drafted: each register's rows (see Module.Handover) under its name, as
// the register encoded them. A register with nothing to hand over has no
// entry.
type HandoverLists map[string]json.RawMessage

// HandoverSection decodes one register's rows from a handover's lists;
// none when the register had nothing to hand over.
func HandoverSection[T any](l HandoverLists, name string) ([]T, error) {
	var rows []T
	raw, ok := l[name]
	if !ok {
		return nil, nil
	}
	err := json.Unmarshal(raw, &rows)
	return rows, err
}

// HandoverNote is a free note for the next shift.
type HandoverNote struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	Text string    `json:"text"`
}

// HandoverSignature is one attendant signing with their PIN.
type HandoverSignature struct {
	Staff string    `json:"staff"`
	Name  string    `json:"name"`
	At    time.Time `json:"at"`
}

// Signed reports whether both attendants have signed: the handover is then
// final.
func (h *Handover) Signed() bool { return h.Outgoing != nil && h.Incoming != nil }

// HandoverDrafted is the body of handover.drafted.
type HandoverDrafted struct {
	At    time.Time      `json:"at"`
	Desk  string         `json:"desk"`
	Shift string         `json:"shift"`
	Lists HandoverLists  `json:"lists"`
	Board app.BoardCount `json:"key_count"`
}

// HandoverNoted is the body of handover.noted.
type HandoverNoted struct {
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// HandoverSigned is the body of handover.signed.
type HandoverSigned struct {
	At    time.Time `json:"at"`
	Role  SignRole  `json:"role"`
	Staff string    `json:"staff"`
	Name  string    `json:"name"`
}
