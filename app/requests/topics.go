package requests

import "time"

// Call topics: a request or inquiry carries one of the hotel's call
// topics (app.Hotel.CallTopics: the TV, the air conditioning, a hair
// dryer to borrow...), checked by OpenRequest against the list; its own
// description is the free text. The supervisor's report counts them per
// week, by floor and room type (app/reports).

// TopicCall is a request opened with a topic: what about, where, when.
type TopicCall struct {
	Topic string
	Room  string // "" for a public area
	At    time.Time
}

// TopicCalls lists the requests opened in [from, to) with a topic, and
// counts those opened without one; read from the opened-date index.
func (s *RequestRegister) TopicCalls(from, to time.Time) (calls []TopicCall, without int, err error) {
	rs, err := s.openedBetween(from, to)
	if err != nil {
		return nil, 0, err
	}
	for i := range rs {
		r := &rs[i]
		if r.Topic == "" {
			without++
			continue
		}
		calls = append(calls, TopicCall{Topic: r.Topic, Room: r.Room, At: r.OpenedAt})
	}
	return calls, without, nil
}
