package ui

import "floordesk/ui/kit"

// The languages the desk speaks, as accepted by UseLanguage.
const (
	Chinese = kit.Chinese
	English = kit.English
)

// UseLanguage loads FloorDesk's translations into Fyne's lang package and
// makes the UI speak choice: Chinese, English, or "" to follow the system;
// see kit.UseLanguage.
func UseLanguage(choice string) (string, error) { return kit.UseLanguage(choice) }
