package ui

import (
	"testing"

	"floordesk/app"
	"floordesk/assets"
)

// TestEveryRefusalIsTranslated checks that every refusal and conflict code
// the domain has a message for (app.RegisterMessages) has "refusal.<code>" in every
// language, so kit.Say never falls back to a vague sentence.
func TestEveryRefusalIsTranslated(t *testing.T) {
	tables := loadTables(t)
	codes := refusalCodes(t)
	if len(codes) < 20 {
		t.Fatalf("found only %d refusal codes in app/", len(codes))
	}
	for _, l := range assets.Languages {
		for _, code := range codes {
			if _, ok := tables[l]["refusal."+code]; !ok {
				t.Errorf("%s.json: refusal.%s is missing", l, code)
			}
		}
	}
}

// refusalCodes lists every code the core and the registers linked into
// this binary have an English message for.
func refusalCodes(t *testing.T) []string {
	t.Helper()
	return app.MessageCodes()
}
