package wire

import "encoding/json"

// DecodePushRequest reads a push body in one pass. Each event's encoding is
// checked as JSON and returned as a slice of body, not a copy.
func DecodePushRequest(body []byte) (PushRequest, error) {
	var req PushRequest
	s := scanner{b: body}
	err := s.object(func(key string) error {
		if key != "events" {
			_, err := s.value()
			return err
		}
		if s.isNull() {
			return nil
		}
		req.Events = []json.RawMessage{}
		return s.array(func(int) error {
			raw, err := s.value()
			req.Events = append(req.Events, json.RawMessage(raw))
			return err
		})
	})
	if err == nil {
		err = s.end()
	}
	if err != nil {
		return PushRequest{}, err
	}
	return req, nil
}

// DecodePullResponse reads a pull answer in one pass. Each event's encoding
// is checked as JSON and returned as a slice of b, not a copy.
func DecodePullResponse(b []byte) (PullResponse, error) {
	var resp PullResponse
	s := scanner{b: b}
	err := s.object(func(key string) error { return s.pullField(&resp, key) })
	if err == nil {
		err = s.end()
	}
	if err != nil {
		return PullResponse{}, err
	}
	return resp, nil
}

func (s *scanner) pullField(resp *PullResponse, key string) error {
	switch key {
	case "epoch":
		return s.strInto(&resp.Epoch)
	case "next":
		return s.uintInto(&resp.Next)
	case "more":
		return s.boolInto(&resp.More)
	case "events":
		if s.isNull() {
			return nil
		}
		resp.Events = []PullEvent{}
		return s.array(func(int) error {
			var pe PullEvent
			err := s.object(func(key string) error { return s.pullEventField(&pe, key) })
			resp.Events = append(resp.Events, pe)
			return err
		})
	}
	_, err := s.value()
	return err
}

func (s *scanner) pullEventField(pe *PullEvent, key string) error {
	switch key {
	case "seq":
		return s.uintInto(&pe.Seq)
	case "event":
		raw, err := s.value()
		pe.Event = raw
		return err
	}
	_, err := s.value()
	return err
}

func (s *scanner) uintInto(dst *uint64) error {
	if s.isNull() {
		return nil
	}
	n, err := s.uint64()
	if err == nil {
		*dst = n
	}
	return err
}

func (s *scanner) boolInto(dst *bool) error {
	switch s.peek() {
	case 't':
		*dst = true
		return s.literal("true")
	case 'f':
		*dst = false
		return s.literal("false")
	case 'n':
		return s.literal("null")
	}
	return s.fail("want true or false")
}
