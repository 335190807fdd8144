package textsearch_test

import (
	"slices"
	"testing"

	"floordesk/app/textsearch"
)

func TestTokensFindARecordByItsWords(t *testing.T) {
	toks := textsearch.Tokens("1203", "王芳", "黑色钱包 内有身份证", "LF260303-D1-001", "Power Strip")
	tests := []struct {
		query string
		want  bool
	}{
		{"1203", true}, {"12", true}, {"wf", true}, {"wangfang", true}, {"王", true},
		{"qb", true}, {"qianbao", true}, {"钱包", true}, {"sfz", true}, {"身份证", true},
		{"lf260303-d1", true}, {"d1", true}, {"001", true}, {"POWER strip", true},
		{"hs qb", true}, {"qb 1508", false}, {"wallet", false}, {"", true},
	}
	for _, tt := range tests {
		if got := textsearch.Match(textsearch.Terms(tt.query), toks); got != tt.want {
			t.Errorf("%q matches %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestTokensAreDistinctInFieldOrder(t *testing.T) {
	got := textsearch.Tokens("Umbrella", "umbrella black", "雨伞")
	want := []string{"umbrella", "umbrellablack", "black", "雨伞", "yusan", "ys", "伞", "san", "s"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}
