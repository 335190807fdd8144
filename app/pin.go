package app

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"

	"floordesk/data/wire"
)

// PINCost is the Argon2id cost of a PIN hash. The hash records its cost, so
// a changed cost applies to new PINs and old hashes keep verifying.
type PINCost struct {
	Time      uint32
	MemoryKiB uint32
	Threads   uint8
}

// DefaultPINCost follows OWASP's Argon2id minimum (19 MiB, 2 passes).
var DefaultPINCost = PINCost{Time: 2, MemoryKiB: 19 * 1024, Threads: 1}

// TestPINCost is cheap, for tests and demo data only.
var TestPINCost = PINCost{Time: 1, MemoryKiB: 64, Threads: 1}

// MaxPINTries wrong PINs in a row lock a staff member out for PINLockout.
const (
	MaxPINTries = 5
	PINLockout  = 5 * time.Minute
)

// hashPIN returns "argon2id$time$memory$threads$salt$hash".
func hashPIN(pin string, cost PINCost, rnd io.Reader) (string, error) {
	salt := make([]byte, 16)
	if _, err := io.ReadFull(rnd, salt); err != nil {
		return "", fmt.Errorf("pin salt: %w", err)
	}
	sum := argon2.IDKey([]byte(pin), salt, cost.Time, cost.MemoryKiB, cost.Threads, 32)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("argon2id$%d$%d$%d$%s$%s", cost.Time, cost.MemoryKiB, cost.Threads,
		enc.EncodeToString(salt), enc.EncodeToString(sum)), nil
}

// pinMatches checks pin against a hash made by hashPIN.
func pinMatches(pin, hash string) bool {
	f := strings.Split(hash, "$")
	if len(f) != 6 || f[0] != "argon2id" {
		return false
	}
	t, err1 := strconv.ParseUint(f[1], 10, 32)
	m, err2 := strconv.ParseUint(f[2], 10, 32)
	p, err3 := strconv.ParseUint(f[3], 10, 8)
	salt, err4 := base64.RawStdEncoding.DecodeString(f[4])
	want, err5 := base64.RawStdEncoding.DecodeString(f[5])
	if errors.Join(err1, err2, err3, err4, err5) != nil {
		return false
	}
	got := argon2.IDKey([]byte(pin), salt, uint32(t), uint32(m), uint8(p), uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// validPIN: 4 to 8 digits.
func validPIN(field, pin string) error {
	if len(pin) < 4 || len(pin) > 8 {
		return Invalid(field, "pin.format")
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return Invalid(field, "pin.format")
		}
	}
	return nil
}

// Wrong-PIN counting is local desk state, kept in the store's unsynced
// settings rather than in events: it throttles guessing at one terminal,
// must work offline at once, and an event per typo would fill every desk's
// audit log. Kept in settings (not memory) so restarting the app does not
// reset it.
type pinFails struct {
	Count int
	Until time.Time // locked until; zero when not locked
}

func pinFailsKey(staffID string) string { return "pin.fails." + staffID }

func (s *Service) loadFails(staffID string) (pinFails, error) {
	v, err := s.store.Setting(pinFailsKey(staffID))
	if errors.Is(err, wire.ErrNotFound) || v == "" {
		return pinFails{}, nil
	}
	if err != nil {
		return pinFails{}, fmt.Errorf("pin tries: %w", err)
	}
	n, ms, _ := strings.Cut(v, "|")
	count, _ := strconv.Atoi(n)
	until, _ := strconv.ParseInt(ms, 10, 64)
	f := pinFails{Count: count}
	if until > 0 {
		f.Until = time.UnixMilli(until).UTC()
	}
	return f, nil
}

func (s *Service) saveFails(staffID string, f pinFails) error {
	v := ""
	if f.Count > 0 || !f.Until.IsZero() {
		ms := int64(0)
		if !f.Until.IsZero() {
			ms = f.Until.UnixMilli()
		}
		v = strconv.Itoa(f.Count) + "|" + strconv.FormatInt(ms, 10)
	}
	return StoreRefusal(s.store.SetSetting(pinFailsKey(staffID), v))
}

// CheckPIN verifies a staff member's PIN, counting wrong ones. The caller
// holds s.mu. It returns ErrLocked while locked out, ErrForbidden for a
// wrong PIN or a disabled or unknown staff member.
func (s *Service) CheckPIN(staffID, pin string) (Staff, error) {
	st, err := LoadView[Staff](s, KindStaff, staffID)
	if errors.Is(err, ErrNotFound) {
		return Staff{}, Forbidden("staff.unknown", "staff", staffID)
	}
	if err != nil {
		return Staff{}, err
	}
	if st.Disabled {
		return Staff{}, Forbidden("staff.disabled", "staff", st.Name)
	}
	return st, s.verifyPIN(st, pin)
}

func (s *Service) verifyPIN(st Staff, pin string) error {
	f, err := s.loadFails(st.ID)
	if err != nil {
		return err
	}
	now := s.Now()
	if now.Before(f.Until) {
		return Locked("staff.locked", "staff", st.Name, "until", s.ClockText(f.Until))
	}
	if pinMatches(pin, st.PINHash) {
		if f == (pinFails{}) {
			return nil // nothing to forget: a sign-in writes nothing (and works on a full disk)
		}
		return s.saveFails(st.ID, pinFails{})
	}
	return s.wrongPIN(st, f, now)
}

func (s *Service) wrongPIN(st Staff, f pinFails, now time.Time) error {
	if !f.Until.IsZero() { // an earlier lock has run out: start again
		f = pinFails{}
	}
	f.Count++
	left := MaxPINTries - f.Count
	if left <= 0 {
		f.Until = now.Add(PINLockout)
	}
	if err := s.saveFails(st.ID, f); err != nil {
		return err
	}
	if left <= 0 {
		return Locked("staff.locked", "staff", st.Name, "until", s.ClockText(f.Until))
	}
	return Forbidden("pin.wrong", "staff", st.Name, "left", strconv.Itoa(left))
}

// ClockText renders a time for a message in the hotel's zone: "13:10"
// today, "11-03 13:10" another day.
func (s *Service) ClockText(t time.Time) string {
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	lt, now := t.In(loc), s.Clock().In(loc)
	if lt.YearDay() == now.YearDay() && lt.Year() == now.Year() {
		return lt.Format("15:04")
	}
	return lt.Format("01-02 15:04")
}

func init() {
	RegisterMessages(map[string]string{
		"pin.format":     "The PIN must be 4 to 8 digits.",
		"pin.wrong":      "Wrong PIN for {staff} — {left} tries left before the account locks.",
		"staff.locked":   "{staff} is locked out after too many wrong PINs — try again after {until}, or ask a supervisor.",
		"staff.unknown":  "No staff member {staff} — pick your name from the list.",
		"staff.disabled": "{staff} is disabled — ask a supervisor.",
		"role.required":  "{staff} may not do this — it needs a {role}.",
	})
}
