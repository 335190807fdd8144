package kit_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"floordesk/assets"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

func TestCountsOfOneAreSingular(t *testing.T) {
	tests := []struct {
		language string
		n        int
		want     string
	}{
		{kit.English, 1, "1 key · whole hotel"},
		{kit.English, 2, "2 keys · whole hotel"},
		{kit.English, 0, "0 keys · whole hotel"},
		{kit.Chinese, 1, "全酒店共 1 把"},
		{kit.Chinese, 2, "全酒店共 2 把"},
	}
	for _, tt := range tests {
		kittest.NewIn(t, tt.language)
		if got := kit.Counted("keys.list_count", tt.n); got != tt.want {
			t.Errorf("%s, %d keys: %q, want %q", tt.language, tt.n, got, tt.want)
		}
	}
}

// countNoun finds an English count followed by a plural noun: "{{.Count}} items".
var countNoun = regexp.MustCompile(`\{\{\.Count\}\} [a-z]+s\b`)

// neverOne are texts shown only for counts above one.
var neverOne = map[string]string{
	"dash.follow_ups_notice":   "the single follow-up has its own notice",
	"messages.too_long":        "shown only past a limit of at least one character",
	"attendance.too_long":      "shown only past a limit of at least one character",
	"shell.pick_one_of":        "shown only when several names match",
	"kit.latest_matches":       "shown only when more matches than fit",
	"rooms.preview_summary":    "a room list of one room is no list",
	"supervisor.rooms_summary": "a room list of one room is no list",
}

func TestEveryEnglishCountHasItsSingular(t *testing.T) {
	raw, err := assets.Translations.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(raw, &en); err != nil {
		t.Fatal(err)
	}
	for key, text := range en {
		if countNoun.MatchString(text) && neverOne[key] == "" && en[key+".one"] == "" {
			t.Errorf("%s reads %q: a count of one needs %s.one", key, text, key)
		}
	}
}
