package wire

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// scanner reads JSON in one pass, checking its syntax as it goes. It knows
// just what the sync wire needs: objects, arrays, strings, integers, and any
// value kept as its raw bytes. encoding/json checks a document in full
// before it decodes, and again for every json.RawMessage inside: an event
// pushed or pulled was read up to seven times over.
type scanner struct {
	b      []byte
	i      int
	depth  int
	spaced bool // whitespace was skipped outside strings
}

// maxDepth bounds nesting, so a hostile body cannot run the stack deep.
const maxDepth = 256

// SyntaxError is malformed JSON, with the offset where reading stopped.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.Offset, e.Msg)
}

func (s *scanner) fail(msg string) error { return &SyntaxError{Offset: s.i, Msg: msg} }

// skipSpace moves past insignificant whitespace.
func (s *scanner) skipSpace() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
			s.spaced = true
		default:
			return
		}
	}
}

// peek returns the next significant byte, or 0 at the end.
func (s *scanner) peek() byte {
	s.skipSpace()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *scanner) expect(c byte) error {
	if s.peek() != c {
		return s.fail("want " + strconv.QuoteRune(rune(c)))
	}
	s.i++
	return nil
}

// end checks that nothing but whitespace follows the value read.
func (s *scanner) end() error {
	if s.peek() != 0 || s.i < len(s.b) {
		return s.fail("unexpected data after the value")
	}
	return nil
}

// object reads an object, calling member for each key with the scanner at
// the key's value, which member must read (or skip with value).
func (s *scanner) object(member func(key string) error) error {
	return s.members(true, member)
}

// members reads an object's members; without decodeKeys, member gets ""
// for every key, which is then checked but not made into a string.
func (s *scanner) members(decodeKeys bool, member func(key string) error) error {
	if err := s.enter('{'); err != nil {
		return err
	}
	defer s.leave()
	if s.peek() == '}' {
		s.i++
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.fail("want an object key")
		}
		key, err := s.key(decodeKeys)
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}
		if done, err := s.next('}'); done || err != nil {
			return err
		}
	}
}

// key reads an object key, at a '"'. The wire format's own member names
// come back as constants, not new strings: a decoded event has some
// fifteen keys, which were half the strings its decoding made.
func (s *scanner) key(decode bool) (string, error) {
	raw, plain, err := s.rawString()
	if err != nil || (plain && !decode) {
		return "", err
	}
	if plain {
		if k := wireKey(raw[1 : len(raw)-1]); k != "" {
			return k, nil
		}
	}
	return s.decodeString(raw, plain)
}

// wireKey returns b as a constant when it is a member name of the wire
// format's objects (events, seals, pushes and pulls), else "".
func wireKey(b []byte) string {
	switch string(b) { // compared in place: no string is made
	case "id":
		return "id"
	case "hlc":
		return "hlc"
	case "desk":
		return "desk"
	case "actor":
		return "actor"
	case "entity":
		return "entity"
	case "kind":
		return "kind"
	case "type":
		return "type"
	case "v":
		return "v"
	case "prev":
		return "prev"
	case "body":
		return "body"
	case SealField:
		return SealField
	case "k":
		return "k"
	case "n":
		return "n"
	case "p":
		return "p"
	case "ph":
		return "ph"
	case "h":
		return "h"
	case "s":
		return "s"
	case "epoch":
		return "epoch"
	case "events":
		return "events"
	case "seq":
		return "seq"
	case "event":
		return "event"
	case "next":
		return "next"
	case "more":
		return "more"
	}
	return ""
}

// array reads an array, calling elem with the scanner at each element.
func (s *scanner) array(elem func(i int) error) error {
	if err := s.enter('['); err != nil {
		return err
	}
	defer s.leave()
	if s.peek() == ']' {
		s.i++
		return nil
	}
	for n := 0; ; n++ {
		if err := elem(n); err != nil {
			return err
		}
		if done, err := s.next(']'); done || err != nil {
			return err
		}
	}
}

func (s *scanner) enter(open byte) error {
	if err := s.expect(open); err != nil {
		return err
	}
	s.depth++
	if s.depth > maxDepth {
		return s.fail("nested too deeply")
	}
	return nil
}

func (s *scanner) leave() { s.depth-- }

// next reads the ',' between members or the closing byte.
func (s *scanner) next(closing byte) (done bool, err error) {
	switch s.peek() {
	case ',':
		s.i++
		return false, nil
	case closing:
		s.i++
		return true, nil
	}
	return false, s.fail("want ',' or " + strconv.QuoteRune(rune(closing)))
}

// value checks the next value, whatever it is, and returns its bytes.
func (s *scanner) value() ([]byte, error) {
	c := s.peek()
	start := s.i
	var err error
	switch {
	case c == '{':
		err = s.members(false, func(string) error { _, err := s.value(); return err })
	case c == '[':
		err = s.array(func(int) error { _, err := s.value(); return err })
	case c == '"':
		_, _, err = s.rawString()
	case c == 't':
		err = s.literal("true")
	case c == 'f':
		err = s.literal("false")
	case c == 'n':
		err = s.literal("null")
	case c == '-' || isDigit(c):
		err = s.number()
	default:
		err = s.fail("want a JSON value")
	}
	return s.b[start:s.i], err
}

func (s *scanner) literal(word string) error {
	if len(s.b)-s.i < len(word) || string(s.b[s.i:s.i+len(word)]) != word {
		return s.fail("want " + word)
	}
	s.i += len(word)
	return nil
}

// isNull reads a null if one comes next.
func (s *scanner) isNull() bool {
	if s.peek() == 'n' && s.literal("null") == nil {
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() error {
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.b) && s.b[s.i] == '0':
		s.i++
	case s.digits() == 0:
		return s.fail("bad number")
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if s.digits() == 0 {
			return s.fail("bad number: digits must follow '.'")
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if s.digits() == 0 {
			return s.fail("bad number: digits must follow the exponent")
		}
	}
	return nil
}

func (s *scanner) digits() int {
	start := s.i
	for s.i < len(s.b) && isDigit(s.b[s.i]) {
		s.i++
	}
	return s.i - start
}

// int64 reads an integer; fractions and exponents are refused, as
// encoding/json refuses them for an integer field.
func (s *scanner) int64() (int64, error) {
	s.skipSpace()
	start := s.i
	if err := s.number(); err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(string(s.b[start:s.i]), 10, 64)
	if err != nil {
		s.i = start
		return 0, s.fail("want an integer")
	}
	return n, nil
}

// uint64 reads a non-negative integer.
func (s *scanner) uint64() (uint64, error) {
	s.skipSpace()
	start := s.i
	if err := s.number(); err != nil {
		return 0, err
	}
	n, err := strconv.ParseUint(string(s.b[start:s.i]), 10, 64)
	if err != nil {
		s.i = start
		return 0, s.fail("want an integer of 0 or more")
	}
	return n, nil
}

// str reads a string value and returns it decoded.
func (s *scanner) str() (string, error) {
	if s.peek() != '"' {
		return "", s.fail("want a string")
	}
	raw, plain, err := s.rawString()
	if err != nil {
		return "", err
	}
	return s.decodeString(raw, plain)
}

// decodeString decodes a string rawString read.
func (s *scanner) decodeString(raw []byte, plain bool) (string, error) {
	if plain {
		return string(raw[1 : len(raw)-1]), nil
	}
	// Escapes or bytes that are not UTF-8: let encoding/json decode the
	// rare string exactly as it always has.
	var out string
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", s.fail(err.Error())
	}
	return out, nil
}

// rawString reads a string, quotes included. plain reports that it holds
// neither escapes nor invalid UTF-8, so its bytes are its value.
func (s *scanner) rawString() (raw []byte, plain bool, err error) {
	start := s.i
	s.i++ // the opening quote
	plain = true
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			raw = s.b[start:s.i]
			if plain && !utf8.Valid(raw) {
				plain = false
			}
			return raw, plain, nil
		case c == '\\':
			plain = false
			if err := s.escape(); err != nil {
				return nil, false, err
			}
		case c < 0x20:
			return nil, false, s.fail("control character in string")
		default:
			s.i++
		}
	}
	return nil, false, s.fail("unterminated string")
}

// escape checks one backslash escape and moves past it.
func (s *scanner) escape() error {
	if s.i+1 >= len(s.b) {
		return s.fail("unterminated string")
	}
	switch s.b[s.i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		s.i += 2
		return nil
	case 'u':
		if s.i+6 > len(s.b) {
			return s.fail("bad \\u escape")
		}
		for _, h := range s.b[s.i+2 : s.i+6] {
			if !isHex(h) {
				return s.fail("bad \\u escape")
			}
		}
		s.i += 6
		return nil
	}
	return s.fail("bad escape")
}

func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
