package clocale

import (
	"os"
	"testing"
)

func TestFix(t *testing.T) {
	tests := []struct {
		lcAll, lang, language, want string
	}{
		{"", "C.UTF-8", "", "zh_CN"},
		{"", "C", "", "zh_CN"},
		{"", "POSIX", "", "zh_CN"},
		{"C", "en_US.UTF-8", "", "zh_CN"},
		{"", "C.UTF-8", "en", "en"},
		{"", "en_GB.UTF-8", "", ""},
		{"", "Chinese", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.lcAll+"/"+tt.lang+"/"+tt.language, func(t *testing.T) {
			t.Setenv("LC_ALL", tt.lcAll)
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.lang)
			t.Setenv("LANGUAGE", tt.language)
			Fix()
			if got := os.Getenv("LANGUAGE"); got != tt.want {
				t.Errorf("LANGUAGE = %q, want %q", got, tt.want)
			}
		})
	}
}
