package found

import (
	"testing"

	"fyne.io/fyne/v2/lang"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestEveryReasonIsTranslated checks that every reason a match may give
// has its sentence in both translation files.
func TestEveryReasonIsTranslated(t *testing.T) {
	want := []string{"found.why", "found.why_sep", "found.why.item_same"}
	for _, code := range appfound.ReasonCodes() {
		want = append(want, "found.why."+code)
	}
	kittest.CheckTranslated(t, want)
}

// TestWhyInBothLanguages says the reasons of a match as a desk reads them.
func TestWhyInBothLanguages(t *testing.T) {
	reasons := []appfound.Reason{
		{Code: appfound.WhyColour, Params: map[string]string{"Word": "黑色"}},
		{Code: appfound.WhyItem, Params: map[string]string{"Found": "钱包", "Lost": "皮夹"}},
		{Code: appfound.WhyNextDay},
		{Code: appfound.WhyFloor, Params: map[string]string{"Floor": "12"}},
	}
	want := map[string]string{
		kit.English: "Why: same colour (黑色), 钱包≈皮夹, found the day after, same floor (12)",
		kit.Chinese: "相符之处：颜色相同（黑色），钱包≈皮夹，次日拾获，同一楼层（12 楼）",
	}
	for _, language := range []string{kit.English, kit.Chinese} {
		if _, err := kit.UseLanguage(language); err != nil {
			t.Fatal(err)
		}
		if got := why(reasons); got != want[language] {
			t.Errorf("%s: %q, want %q (found.why is %q)", language, got, want[language], lang.L("found.why"))
		}
	}
	if why(nil) != "" {
		t.Error("a match with no reasons says why")
	}
}
