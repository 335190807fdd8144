package server

import "floordesk/data/wire"

// A pull answer holds at most its count limit of events and at most
// wire.MaxAnswerBytes in all, which the desk reads whole: answers of
// thousands of big events once grew past what any desk would read, and
// every desk's sync stopped. One event always goes, whatever its size, so
// every stored event can be delivered: one of the largest size allowed
// (wire.MaxEventBytes) fits an answer with room to spare.
const (
	// answerHead bounds the answer's bytes besides its records and the
	// epoch: {"epoch":"…","events":[…],"next":N,"more":false} and a newline.
	answerHead = 96
	// recordOverhead bounds what each record adds to its event:
	// {"seq":N,"event":…} and a comma.
	recordOverhead = 40
)

// eventBudget is how many bytes of events an answer with epoch and up to
// limit events may hold and stay within wire.MaxAnswerBytes.
func eventBudget(epoch string, limit int) int {
	return wire.MaxAnswerBytes - answerHead - len(epoch) - recordOverhead*limit
}

// fitAnswer keeps the records that go in one answer: at most limit, of at
// most budget bytes in all, but at least one. more reports that some were
// left for the next pull.
func fitAnswer(recs []Record, limit, budget int) (kept []Record, more bool) {
	total := 0
	for i, r := range recs {
		total += len(r.Raw)
		if i == limit || (i > 0 && total > budget) {
			return recs[:i], true
		}
	}
	return recs, false
}
