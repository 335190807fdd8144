package requests

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
)

// The investigation of a complaint: what was checked and what was found,
// and the photos and files that show it.

// Limits of an investigation.
const (
	MaxFindings        = 50             // findings on one complaint
	MaxFindingRunes    = 1000           // what was found
	MaxSubjectRunes    = 100            // the area, department or item checked
	MaxCheckerRunes    = 60             // who reviewed the CCTV or gave the account
	MaxCCTVWindow      = 24 * time.Hour // the longest CCTV window one finding covers
	MaxAttachments     = 10             // photos and files on one complaint
	MaxAttachmentBytes = 512 << 10      // one file; base64 in its event, 683 KB, stays under wire.MaxBodyBytes
	MaxAttachmentRunes = 120            // a file's name
)

// FindingInput is one thing checked and what was found (see Finding).
type FindingInput struct {
	Kind     FindingKind
	Subject  string
	Checker  string
	From, To time.Time
	Result   string
}

// Investigate records one thing checked on a complaint and what was
// found. A CCTV review names the area, the time window (at most
// MaxCCTVWindow, not in the future) and who reviewed it; an account names
// the department and who gave it; an item names the item. Refused for a
// request that is not a complaint or is closed or cancelled, and beyond
// MaxFindings.
func (s *RequestRegister) Investigate(actorID, id string, in FindingInput) (Request, error) {
	now := s.Now()
	in = trimFinding(in)
	if err := app.FirstErr(checkFinding(in, now, s.ClockText(now)), s.findingDepartment(in)); err != nil {
		return Request{}, err
	}
	body := ComplaintInvestigated{At: now, Kind: in.Kind, Subject: in.Subject, Checker: in.Checker,
		From: in.From.UTC(), To: in.To.UTC(), Result: in.Result}
	return s.caseCommand(actorID, id, app.RoleAttendant, findingsFull, TypeComplaintInvestigated, body)
}

func trimFinding(in FindingInput) FindingInput {
	in.Subject, in.Checker = strings.TrimSpace(in.Subject), strings.TrimSpace(in.Checker)
	in.Result = strings.TrimSpace(in.Result)
	return in
}

func checkFinding(in FindingInput, now time.Time, nowText string) error {
	kinds := make([]string, len(FindingKinds))
	for i, k := range FindingKinds {
		kinds[i] = string(k)
	}
	errs := []error{
		app.Choice("kind", string(in.Kind), kinds...),
		app.Required("result", in.Result), app.MaxLen("result", in.Result, MaxFindingRunes),
		app.MaxLen("subject", in.Subject, MaxSubjectRunes), app.MaxLen("checker", in.Checker, MaxCheckerRunes),
	}
	switch in.Kind {
	case FindingCCTV:
		errs = append(errs, app.Required("subject", in.Subject), app.Required("checker", in.Checker),
			checkWindow(in.From, in.To, now, nowText))
	case FindingAccount:
		errs = append(errs, app.Required("subject", in.Subject), app.Required("checker", in.Checker))
	case FindingItem:
		errs = append(errs, app.Required("subject", in.Subject))
	}
	return app.FirstErr(errs...)
}

// checkWindow: a CCTV window starts before it ends, ends by now and spans
// at most MaxCCTVWindow.
func checkWindow(from, to, now time.Time, nowText string) error {
	switch {
	case from.IsZero():
		return app.Required("from", "")
	case to.IsZero():
		return app.Required("to", "")
	case !to.After(from):
		return app.Invalid("to", "complaint.window_order")
	case to.After(now):
		return app.Invalid("to", "complaint.window_future", "now", nowText)
	case to.Sub(from) > MaxCCTVWindow:
		return app.Invalid("to", "complaint.window_long", "hours", strconv.Itoa(int(MaxCCTVWindow.Hours())))
	}
	return nil
}

// findingDepartment: an account is taken from a department of the hotel.
func (s *RequestRegister) findingDepartment(in FindingInput) error {
	if in.Kind != FindingAccount || in.Subject == "" {
		return nil
	}
	return s.checkRequestDepartment("subject", in.Subject, true)
}

func findingsFull(r *Request) error {
	if r.Case != nil && len(r.Case.Findings) >= MaxFindings {
		return app.Conflicting("complaint.too_many_findings", "room", r.Where(), "max", strconv.Itoa(MaxFindings))
	}
	return nil
}

// AttachInput is a photo or file to attach: its name and bytes.
type AttachInput struct {
	Name string
	Data []byte
}

// Attach attaches a photo (JPEG, PNG) or a PDF to a complaint, stored as
// an event with the desk's data: it syncs to every desk and is sealed in
// the encrypted store like the rest. Refused for another type (told by
// its content, not its name), an empty file, one over MaxAttachmentBytes,
// and beyond MaxAttachments on the complaint.
func (s *RequestRegister) Attach(actorID, id string, in AttachInput) (Request, error) {
	in.Name = strings.TrimSpace(in.Name)
	typ, err := checkAttachment(in)
	if err != nil {
		return Request{}, err
	}
	sum := sha256.Sum256(in.Data)
	body := ComplaintAttached{attachedHead: attachedHead{At: s.Now(), Name: in.Name, Type: typ,
		Size: len(in.Data), SHA256: hex.EncodeToString(sum[:])}, Data: in.Data}
	return s.caseCommand(actorID, id, app.RoleAttendant, attachmentsFull, TypeComplaintAttached, body)
}

func checkAttachment(in AttachInput) (string, error) {
	if err := app.FirstErr(app.Required("name", in.Name), app.MaxLen("name", in.Name, MaxAttachmentRunes)); err != nil {
		return "", err
	}
	switch {
	case len(in.Data) == 0:
		return "", app.Invalid("file", "complaint.attachment_empty", "name", in.Name)
	case len(in.Data) > MaxAttachmentBytes:
		return "", app.Invalid("file", "complaint.attachment_too_large", "name", in.Name,
			"size", strconv.Itoa(kb(len(in.Data))), "max", strconv.Itoa(kb(MaxAttachmentBytes)))
	}
	typ := AttachmentType(in.Data)
	if typ == "" {
		return "", app.Invalid("file", "complaint.attachment_type", "name", in.Name)
	}
	return typ, nil
}

// kb is n bytes in whole kilobytes, rounded up.
func kb(n int) int { return (n + 1023) / 1024 }

func attachmentsFull(r *Request) error {
	if r.Case != nil && len(r.Case.Attachments) >= MaxAttachments {
		return app.Conflicting("complaint.too_many_attachments", "room", r.Where(), "max", strconv.Itoa(MaxAttachments))
	}
	return nil
}

// AttachmentType is the MIME type of a file the desk accepts, told by its
// first bytes: image/jpeg, image/png or application/pdf; "" for any other.
func AttachmentType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	}
	return ""
}

// AttachmentFile is an attachment with its bytes.
type AttachmentFile struct {
	Attachment
	Data []byte
}

// ComplaintAttachment reads the bytes of an attachment of complaint id
// from the event that holds them (Attachment.Event). ErrNotFound when the
// event is not an attachment of that complaint; an error when the bytes
// do not match the digest recorded with them.
func (s *RequestRegister) ComplaintAttachment(id, eventID string) (AttachmentFile, error) {
	ev, err := s.Store().Get(eventID)
	if err != nil || ev.Entity != app.Ref(KindRequest, id) || ev.Type != TypeComplaintAttached {
		return AttachmentFile{}, app.NotFound("attachment", eventID)
	}
	b, err := app.DecodeBody[ComplaintAttached](ev)
	if err != nil {
		return AttachmentFile{}, err
	}
	if sum := sha256.Sum256(b.Data); hex.EncodeToString(sum[:]) != b.SHA256 {
		return AttachmentFile{}, app.Invalid("file", "complaint.attachment_damaged", "name", b.Name)
	}
	a := Attachment{Event: ev.ID, At: app.ActionTime(b.At, ev), By: ev.Actor, Name: b.Name, Type: b.Type, Size: b.Size, SHA256: b.SHA256}
	return AttachmentFile{Attachment: a, Data: b.Data}, nil
}

// caseCommand runs a step of a complaint's case: role check, load, the
// complaint still open to it and check, append, reload.
func (s *RequestRegister) caseCommand(actorID, id string, role app.Role, check func(*Request) error, typ string, body any) (Request, error) {
	both := func(r *Request) error { return app.FirstErr(requireCaseOpen(r), check(r)) }
	return s.requestStep(actorID, id, role, both, typ, func(*Request) any { return body })
}

// requireCaseOpen: the step is for a complaint not yet closed or
// cancelled.
func requireCaseOpen(r *Request) error {
	if r.Kind != RequestComplaint {
		return app.Conflicting("complaint.not_complaint", "request", r.ID, "room", r.Where())
	}
	if r.Finished() {
		return requireOpen(r)
	}
	return nil
}
