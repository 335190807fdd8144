package app

import "time"

// Shift handover (交接班): at shift end the desk lists what the next shift
// inherits — open requests, keys out, loans due, items awaiting claim — with
// free notes and the key count, and the outgoing and incoming attendants
// each sign with their PIN. Once both have signed the handover cannot
// change. State and event bodies are here, the fold in handover_fold.go,
// commands in handover_cmd.go.

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
	Meta      `json:"meta"`
	ID        string             `json:"id"`
	Desk      string             `json:"desk"`
	Shift     string             `json:"shift"`
	DraftedAt time.Time          `json:"drafted_at"`
	DraftedBy string             `json:"drafted_by"`
	Lists     HandoverLists      `json:"lists"`
	Keys      HandoverKeyCount   `json:"key_count"`
	Notes     []HandoverNote     `json:"notes,omitempty"`
	Outgoing  *HandoverSignature `json:"outgoing,omitempty"`
	Incoming  *HandoverSignature `json:"incoming,omitempty"`
}

// HandoverLists is what the next shift inherits, as it stood when drafted.
type HandoverLists struct {
	Requests []HandoverRequest `json:"requests,omitempty"`
	Keys     []HandoverKey     `json:"keys,omitempty"`
	Loans    []HandoverLoan    `json:"loans,omitempty"`
	Found    []HandoverFound   `json:"found,omitempty"`
}

// HandoverRequest is an unfinished guest request: still open, or done
// and waiting to be confirmed with the guest.
type HandoverRequest struct {
	ID           string        `json:"id"`
	Room         string        `json:"room"`
	Kind         RequestKind   `json:"kind"`
	Description  string        `json:"description"`
	Status       RequestStatus `json:"status"`
	Department   string        `json:"department,omitempty"`
	PromisedAt   time.Time     `json:"promised_at,omitzero"`
	NextFollowUp time.Time     `json:"next_follow_up,omitzero"`
	Escalated    bool          `json:"escalated,omitempty"`
}

// HandoverKey is a work key not on the board.
type HandoverKey struct {
	Tag    string    `json:"tag"`
	Holder string    `json:"holder"`
	Since  time.Time `json:"since"`
	DueAt  time.Time `json:"due_at,omitzero"`
}

// HandoverLoan is an open loan, due within the next shift or overdue.
type HandoverLoan struct {
	ID      string    `json:"id"`
	Room    string    `json:"room"`
	Guest   string    `json:"guest,omitempty"`
	Items   string    `json:"items"` // "2 × hair dryer, 1 × iron"
	DueAt   time.Time `json:"due_at"`
	Overdue bool      `json:"overdue,omitempty"`
}

// HandoverFound is a found item waiting to be claimed.
type HandoverFound struct {
	Tag         string    `json:"tag"`
	Category    string    `json:"category"`
	Description string    `json:"description"`
	FoundAt     time.Time `json:"found_at"`
	Location    string    `json:"location,omitempty"`
}

// HandoverKeyCount is the count of keys on the board at handover, as the
// key register recorded it (see CountKeys): Expected lists the tags that
// should hang there, Counted is what the attendant counted, Missing and
// Extra the differences when tags were ticked. CountID is the key count's
// entity.
type HandoverKeyCount struct {
	CountID  string   `json:"count_id,omitempty"`
	Expected []string `json:"expected,omitempty"`
	Counted  int      `json:"counted"`
	Missing  []string `json:"missing,omitempty"`
	Extra    []string `json:"extra,omitempty"`
}

// Short is how many keys should be on the board and are not: the missing
// tags when ticked, else the difference of the counts.
func (k HandoverKeyCount) Short() int {
	if len(k.Missing) > 0 {
		return len(k.Missing)
	}
	return max(0, len(k.Expected)-k.Counted)
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
	At    time.Time        `json:"at"`
	Desk  string           `json:"desk"`
	Shift string           `json:"shift"`
	Lists HandoverLists    `json:"lists"`
	Keys  HandoverKeyCount `json:"key_count"`
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
