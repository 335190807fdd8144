package requests

import (
	"floordesk/ui/kit"

	"fyne.io/fyne/v2/lang"
)

// Call topics on the new-request form: what the guest called about, one
// of the hotel's list (app.Hotel.CallTopics) or none; the description
// says the rest in the guest's words. The supervisor's report counts
// them per week.

// topicField adds the topic choice to f: "none" first, then the hotel's
// topics; only "none" when the set-up cannot be read.
func (sc *Screen) topicField(f *form) (choices, *kit.Choice) {
	var topics []string
	if h, err := sc.svc.Settings(); err == nil {
		topics = h.CallTopics()
	}
	c := newChoices(append([]string{""}, topics...), func(t string) string {
		if t == "" {
			return lang.L("requests.topic.none")
		}
		return t
	})
	return c, f.selectField("topic", lang.L("requests.field.topic"), c, "")
}
