package wire

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
)

// An event's seal links it into its author desk's hash chain and signs it.
//
// Each desk numbers the events it makes 1, 2, 3… per signing key; each
// event's seal names the one before it (its ID and chain hash) and carries
// its own chain hash and the author's Ed25519 signature of that hash. The
// chain hash covers the whole event as encoded (the body as stored, so a
// body whose personal fields are encrypted hashes the ciphertext and
// destroying their key changes nothing), without the seal itself, plus the
// seal's key, number and link. So changing any stored byte of an event
// breaks its hash, removing one leaves a hole in the numbers, and nobody
// without the author's private key can make an event that passes as the
// author's.
//
// The seal travels as the envelope field "seal": builds from before the
// chain keep it in Extra and write it back unchanged, and events without
// one are from before the chain (see docs/ARCHITECTURE.md, The audit
// chain).

// SealField is the envelope field that holds an event's seal.
const SealField = "seal"

// sealDomain separates the chain hash from every other use of SHA-256.
const sealDomain = "floordesk-seal-1\n"

// Seal is an event's place in its author's chain and its signature.
type Seal struct {
	Key      string `json:"k"`            // the signing key's ID (KeyID)
	N        uint64 `json:"n"`            // the event's number in the chain, from 1
	Prev     string `json:"p,omitempty"`  // the ID of event N-1, "" for N = 1
	PrevHash string `json:"ph,omitempty"` // its chain hash, "" for N = 1
	Hash     string `json:"h"`            // this event's chain hash
	Sig      string `json:"s"`            // the Ed25519 signature of Hash's bytes
}

// ChainLink is what the next event of a chain names: the latest sealed
// event's number, ID and chain hash. The zero link starts a chain.
type ChainLink struct {
	N    uint64
	ID   string
	Hash []byte
}

// Errors about seals; each check returns one of them, wrapped with what
// was wrong.
var (
	// ErrSealMalformed: the seal field is not a seal.
	ErrSealMalformed = errors.New("event seal malformed")
	// ErrSealAltered: the event's content does not match its chain hash.
	ErrSealAltered = errors.New("event altered after it was sealed")
	// ErrBadSignature: the signature is not the named key's.
	ErrBadSignature = errors.New("event signature is not its author's")
)

var b64 = base64.RawURLEncoding

// KeyID names a public key: the hex of the first 8 bytes of its SHA-256.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// EncodeKey and DecodeKey give a public key's text form (base64url).
func EncodeKey(pub ed25519.PublicKey) string { return b64.EncodeToString(pub) }

// DecodeKey reads a public key written by EncodeKey.
func DecodeKey(s string) (ed25519.PublicKey, error) {
	b, err := b64.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("public key must be 32 bytes in base64url")
	}
	return ed25519.PublicKey(b), nil
}

// SealEvent links ev after prev in the chain of priv's key and signs it,
// setting its seal field. ev must be complete: any later change breaks it.
// It returns the link the next event names.
func SealEvent(ev *Event, priv ed25519.PrivateKey, prev ChainLink) (ChainLink, error) {
	l, next, err := LinkEvent(*ev, KeyID(priv.Public().(ed25519.PublicKey)), prev)
	if err != nil {
		return ChainLink{}, err
	}
	sealed, _, err := l.Sign(*ev, priv)
	if err != nil {
		return ChainLink{}, err
	}
	*ev = sealed
	return next, nil
}

// Linked is an event linked into its author's chain whose signature is
// still to be made: the chain hash is what the next event needs, the
// signature (the costly part, an Ed25519 signing) only the event itself,
// so a desk can sign while it goes on with the transaction.
type Linked struct {
	seal    Seal   // without its signature
	hash    []byte // the chain hash the signature covers
	content []byte // the event's encoding without its seal, when the seal will be its only extra field
}

// LinkEvent links ev after prev in the chain of the key named keyID (its
// KeyID): it returns the seal to sign and the link the next event names.
// ev must be complete and must not change until Sign.
func LinkEvent(ev Event, keyID string, prev ChainLink) (Linked, ChainLink, error) {
	s := Seal{Key: keyID, N: prev.N + 1}
	if prev.N > 0 {
		s.Prev, s.PrevHash = prev.ID, b64.EncodeToString(prev.Hash)
	}
	onlySeal := len(ev.Extra) == 0 || (len(ev.Extra) == 1 && ev.Extra[SealField] != nil)
	if _, ok := ev.Extra[SealField]; ok {
		ev.Extra = maps.Clone(ev.Extra)
		delete(ev.Extra, SealField)
	}
	content, err := ev.Encode()
	if err != nil {
		return Linked{}, ChainLink{}, err
	}
	l := Linked{seal: s, hash: hashOf(s, content)}
	if onlySeal {
		l.content = content
	}
	return l, ChainLink{N: s.N, ID: ev.ID, Hash: l.hash}, nil
}

// Sign signs the linked event ev with priv (the key LinkEvent named) and
// returns it with its seal field set, and its encoding (Encode's bytes).
func (l Linked) Sign(ev Event, priv ed25519.PrivateKey) (Event, []byte, error) {
	s := l.seal
	s.Hash, s.Sig = b64.EncodeToString(l.hash), b64.EncodeToString(ed25519.Sign(priv, l.hash))
	raw, err := json.Marshal(s)
	if err != nil {
		return Event{}, nil, fmt.Errorf("seal event: %w", err)
	}
	ev.Extra = maps.Clone(ev.Extra)
	if ev.Extra == nil {
		ev.Extra = map[string]json.RawMessage{}
	}
	ev.Extra[SealField] = raw
	if l.content == nil {
		enc, err := ev.Encode()
		return ev, enc, err
	}
	return ev, withSeal(l.content, raw), nil
}

// withSeal is an encoding without extra fields with the seal added as its
// last field, as Encode writes it: the seal's JSON (base64url, hex and
// numbers) has nothing to escape or compact.
func withSeal(content, seal []byte) []byte {
	out := make([]byte, 0, len(content)+len(sealMember)+len(seal))
	out = append(out, content[:len(content)-1]...)
	out = append(out, `,"`+SealField+`":`...)
	out = append(out, seal...)
	return append(out, '}')
}

// SealOf reads ev's seal: ok is false for an event from before the chain.
func SealOf(ev Event) (s Seal, ok bool, err error) {
	raw, ok := ev.Extra[SealField]
	if !ok {
		return Seal{}, false, nil
	}
	if s, err = decodeSeal(raw); err != nil {
		return Seal{}, true, fmt.Errorf("%w: %v", ErrSealMalformed, err)
	}
	if len(s.Key) != 16 || s.N == 0 || s.Hash == "" || s.Sig == "" || (s.N > 1) != (s.Prev != "") ||
		(s.Prev != "") != (s.PrevHash != "") || (s.Prev != "" && !ValidID(s.Prev)) {
		return Seal{}, true, fmt.Errorf("%w: key, number, hash and signature are needed, and the previous event from number 2", ErrSealMalformed)
	}
	return s, true, nil
}

// CheckSeal checks that ev's content matches its seal's chain hash and,
// when pub is not nil, that pub signed it (pub must be the key the seal
// names). It returns the seal and the link the next event must name; with
// ErrSealAltered, the seal as read.
// Errors match ErrSealMalformed, ErrSealAltered or ErrBadSignature.
func CheckSeal(ev Event, pub ed25519.PublicKey) (Seal, ChainLink, error) {
	s, ok, err := SealOf(ev)
	if err != nil {
		return Seal{}, ChainLink{}, err
	}
	if !ok {
		return Seal{}, ChainLink{}, fmt.Errorf("%w: no seal", ErrSealMalformed)
	}
	return CheckSealOf(ev, s, nil, pub)
}

// CheckSealOf is CheckSeal of an event whose seal s was read already
// (SealOf) and whose encoding raw is at hand, as a server has them: raw
// spares encoding the event again when the seal is its last field (as a
// desk writes it) and what comes before matches the hash; else, or with
// raw nil, the event is encoded again. Either way the content checked is
// the content the author signed.
func CheckSealOf(ev Event, s Seal, raw []byte, pub ed25519.PublicKey) (Seal, ChainLink, error) {
	claimed, err := b64.DecodeString(s.Hash)
	if err != nil {
		return Seal{}, ChainLink{}, fmt.Errorf("%w: hash not base64url", ErrSealMalformed)
	}
	if pub != nil { // first who signed it, then whether it changed since
		sig, err := b64.DecodeString(s.Sig)
		if err != nil || KeyID(pub) != s.Key || !ed25519.Verify(pub, claimed, sig) {
			return Seal{}, ChainLink{}, fmt.Errorf("%w: event %s claims desk %s", ErrBadSignature, ev.ID, ev.Desk)
		}
	}
	want := rawChainHash(s, raw)
	if string(claimed) != string(want) {
		want, err = chainHash(ev, s)
		if err != nil {
			return Seal{}, ChainLink{}, err
		}
	}
	if string(claimed) != string(want) && !erasedKey(ev) && !erasedFields(ev, s, claimed) {
		return s, ChainLink{}, fmt.Errorf("%w: event %s (number %d of desk %s)", ErrSealAltered, ev.ID, s.N, ev.Desk)
	}
	return s, ChainLink{N: s.N, ID: ev.ID, Hash: claimed}, nil
}

// erasedKey reports whether ev is a guest-data key event whose key was
// destroyed (crypto-shredding, data/pkey): its body was replaced on every
// store by {"erased":true,"sha256":...}, the one change the log allows.
// Its content can no longer be hashed as signed; its seal still links the
// chain (the next event names its hash) and its signature is still checked.
func erasedKey(ev Event) bool {
	return ev.Entity.Kind == "pkey" && bytes.HasPrefix(ev.Body, []byte(`{"erased":true,`))
}

// ErasedFieldsMember is the body member of an event whose guest's
// personal fields, written in the clear before they were sealed, were
// erased (data/pkey): the fields erased and, for a sealed event, the
// SHA-256 of its content as signed (hex), so its chain still checks.
const ErasedFieldsMember = "erased_fields"

// ErasedFields is the value of ErasedFieldsMember.
type ErasedFields struct {
	Fields  []string `json:"fields"`
	Content string   `json:"content,omitempty"`
}

// erasedFields reports whether ev's personal fields were erased after s
// sealed it, and the content digest its body keeps is the one s's hash
// covers: the rest of the event as it stands cannot be checked (its
// hash was over the fields), but the chain still links through it and the
// signature still names its author.
func erasedFields(ev Event, s Seal, claimed []byte) bool {
	var body map[string]json.RawMessage
	if !bytes.Contains(ev.Body, []byte(ErasedFieldsMember)) || json.Unmarshal(ev.Body, &body) != nil {
		return false
	}
	var e ErasedFields
	if json.Unmarshal(body[ErasedFieldsMember], &e) != nil || e.Content == "" {
		return false
	}
	digest, err := hex.DecodeString(e.Content)
	return err == nil && len(digest) == sha256.Size && bytes.Equal(hashOfDigest(s, digest), claimed)
}

// SignedContent returns the SHA-256 of ev's content as its seal's hash
// covers it (the encoding without the seal; raw, when given, is the
// stored encoding, tried first), or false when ev is not sealed or its
// content does not match its seal.
func SignedContent(ev Event, raw []byte) ([]byte, bool) {
	s, ok, err := SealOf(ev)
	if !ok || err != nil {
		return nil, false
	}
	claimed, err := b64.DecodeString(s.Hash)
	if err != nil {
		return nil, false
	}
	var encs [][]byte
	if i := bytes.LastIndex(raw, sealMember); i >= 0 && rawChainHash(s, raw) != nil {
		encs = append(encs, append(append([]byte{}, raw[:i]...), '}'))
	}
	ev.Extra = maps.Clone(ev.Extra)
	delete(ev.Extra, SealField)
	if enc, err := ev.Encode(); err == nil {
		encs = append(encs, enc)
	}
	for _, enc := range encs {
		d := sha256.Sum256(enc)
		if bytes.Equal(hashOfDigest(s, d[:]), claimed) {
			return d[:], true
		}
	}
	return nil, false
}

// Follows reports whether s names link as the event before it.
func (s Seal) Follows(link ChainLink) bool {
	var buf [64]byte // a SHA-256 in base64url is 43 bytes
	return s.N == link.N+1 && s.Prev == link.ID && s.PrevHash == string(b64.AppendEncode(buf[:0], link.Hash))
}

// CheckSignature checks that pub signed s's chain hash: ErrBadSignature
// when not. With CheckSeal(ev, nil) it is CheckSeal(ev, pub) in two steps:
// an event whose hash is in the next event's, and that one signed, needs
// no check of its own signature to be its author's.
func (s Seal) CheckSignature(pub ed25519.PublicKey) error {
	h, err1 := b64.DecodeString(s.Hash)
	sig, err2 := b64.DecodeString(s.Sig)
	if err1 != nil || err2 != nil || KeyID(pub) != s.Key || !ed25519.Verify(pub, h, sig) {
		return fmt.Errorf("%w: key %s", ErrBadSignature, s.Key)
	}
	return nil
}

// PrevLink is the link s names: the zero link for the first event.
func (s Seal) PrevLink() ChainLink {
	if s.N <= 1 {
		return ChainLink{}
	}
	h, _ := b64.DecodeString(s.PrevHash)
	return ChainLink{N: s.N - 1, ID: s.Prev, Hash: h}
}

// DecodeHash reads a chain hash as a seal writes it.
func DecodeHash(s string) ([]byte, error) { return b64.DecodeString(s) }

// chainHash is SHA-256 over the domain, the seal's key, number and link,
// and the SHA-256 of the event as encoded without its seal.
func chainHash(ev Event, s Seal) ([]byte, error) {
	if _, ok := ev.Extra[SealField]; ok {
		ev.Extra = maps.Clone(ev.Extra)
		delete(ev.Extra, SealField)
	}
	enc, err := ev.Encode()
	if err != nil {
		return nil, err
	}
	return hashOf(s, enc), nil
}

// sealMember opens the seal field as a desk writes it.
var sealMember = []byte(`,"` + SealField + `":{`)

// rawChainHash is the chain hash of an encoding whose last field is its
// seal (an object without nested ones): the hash of what comes before it.
// It returns nil for an encoding of another shape.
func rawChainHash(s Seal, raw []byte) []byte {
	i := bytes.LastIndex(raw, sealMember)
	if i < 0 || !bytes.HasSuffix(raw, []byte("}}")) || bytes.ContainsAny(raw[i+len(sealMember):len(raw)-2], "{}") {
		return nil
	}
	// The encoding without its seal is raw[:i] and a closing brace,
	// hashed in place rather than copied.
	h := sha256.New()
	h.Write(raw[:i])
	h.Write([]byte{'}'})
	var content [sha256.Size]byte
	return hashOfDigest(s, h.Sum(content[:0]))
}

// hashOf is the chain hash of s over an event's encoding without its seal.
func hashOf(s Seal, enc []byte) []byte {
	content := sha256.Sum256(enc)
	return hashOfDigest(s, content[:])
}

// hashOfDigest is hashOf given the SHA-256 of the encoding.
func hashOfDigest(s Seal, content []byte) []byte {
	h := sha256.New()
	h.Write([]byte(sealDomain))
	h.Write([]byte(s.Key + "\n"))
	h.Write(binary.BigEndian.AppendUint64(nil, s.N))
	h.Write([]byte(s.Prev + "\n" + s.PrevHash + "\n"))
	h.Write(content)
	return h.Sum(nil)
}
