package requests

import (
	"slices"
	"testing"

	"floordesk/app"
)

// Every demo topic is one of the default topics, and every demo text it
// names is one the demo says.
func TestDemoTopicsAreTheHotels(t *testing.T) {
	texts := slices.Clone(demoInquiries)
	for _, a := range demoServices {
		texts = append(texts, a.text)
	}
	for text, topic := range demoTopics {
		if !slices.Contains(app.DefaultTopics, topic) || !slices.Contains(texts, text) {
			t.Errorf("demo topic %q for %q", topic, text)
		}
	}
}
