package found

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// Why a match is suggested, in the user's language: "same colour (黑色),
// 钱包≈皮夹, found the day after, same floor".

// why is the line that says why a match is suggested; "" when there is
// no reason to give.
func why(reasons []appfound.Reason) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		parts = append(parts, reasonText(r))
	}
	if len(parts) == 0 {
		return ""
	}
	return lang.L("found.why", map[string]string{"Reasons": strings.Join(parts, lang.L("found.why_sep"))})
}

// reasonText says one reason: the translation key found.why.<code>
// filled with its parameters; the same item named with the same word is
// said as such.
func reasonText(r appfound.Reason) string {
	if r.Code == appfound.WhyItem && r.Params["Found"] == r.Params["Lost"] {
		return lang.L("found.why.item_same", map[string]string{"Word": r.Params["Found"]})
	}
	return lang.L("found.why."+r.Code, r.Params)
}

// withWhy puts the line saying why under a match's button.
func withWhy(b fyne.CanvasObject, reasons []appfound.Reason) fyne.CanvasObject {
	line := why(reasons)
	if line == "" {
		return b
	}
	return container.NewVBox(b, kit.Note(line))
}
