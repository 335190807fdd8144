package wire

// decodeSeal reads a seal in one pass, as DecodeEvent reads an event: a
// server reads every pushed event's seal, and encoding/json took ten times
// as long. It agrees with encoding/json but for keys, which match exactly
// (a seal is only ever written with the exact names); null leaves a field
// as it was and unknown fields are skipped, as encoding/json does.
func decodeSeal(b []byte) (Seal, error) {
	var seal Seal
	s := scanner{b: b}
	if s.isNull() {
		return seal, s.end()
	}
	if s.peek() != '{' {
		return Seal{}, s.fail("a seal must be a JSON object")
	}
	err := s.object(func(key string) error {
		switch key {
		case "k":
			return s.strInto(&seal.Key)
		case "n":
			if s.isNull() {
				return nil
			}
			n, err := s.uint64()
			if err == nil {
				seal.N = n
			}
			return err
		case "p":
			return s.strInto(&seal.Prev)
		case "ph":
			return s.strInto(&seal.PrevHash)
		case "h":
			return s.strInto(&seal.Hash)
		case "s":
			return s.strInto(&seal.Sig)
		}
		_, err := s.value()
		return err
	})
	if err != nil {
		return Seal{}, err
	}
	return seal, s.end()
}
