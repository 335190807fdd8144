package kit_test

import (
	"net/http"
	"strings"
	"testing"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// A server that needs a newer desk refuses the enrolment with 426; the
// desk says to install the new version first, in the desk's language.
func TestEnrolRefusedForAnOldDeskSaysUpdate(t *testing.T) {
	t.Cleanup(func() { kit.UseLanguage(kit.English) })
	err := &data.ServerError{Status: http.StatusUpgradeRequired, Body: wire.ErrorBody{Code: wire.ErrCodeDeskTooOld}}
	for language, want := range map[string]string{
		kit.English: "This server needs a newer FloorDesk. Install the new version",
		kit.Chinese: "该服务器需要新版本的 FloorDesk。请先在本机安装新版本",
	} {
		if _, err := kit.UseLanguage(language); err != nil {
			t.Fatal(err)
		}
		if got := kit.SayEnrolError(err, "https://desk.example:8420"); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", language, got, want)
		}
	}
}
