// Package assets holds the files FloorDesk ships inside its binary: the
// application icon and the user-interface translations. It imports no Fyne,
// so the server and command-line tools can read the texts too.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"
)

// IconPNG is the application icon, a 512x512 PNG.
//
//go:embed icon.png
var IconPNG []byte

// Translations holds translations/en.json and translations/zh-Hans.json, in
// the flat key-to-text JSON format that fyne.io/fyne/v2/lang reads.
//
//go:embed translations/*.json
var Translations embed.FS

// Languages are the translation files' language tags, Simplified Chinese first.
var Languages = []string{"zh-Hans", "en"}

var (
	tablesOnce sync.Once
	tables     map[string]map[string]string
	tablesErr  error
)

// Table returns the translation table of one language (a tag from
// Languages): key to text. The map is shared: do not change it.
func Table(language string) (map[string]string, error) {
	tablesOnce.Do(loadTables)
	if tablesErr != nil {
		return nil, tablesErr
	}
	t, ok := tables[language]
	if !ok {
		return nil, fmt.Errorf("translations: no language %q", language)
	}
	return t, nil
}

func loadTables() {
	tables = make(map[string]map[string]string, len(Languages))
	for _, l := range Languages {
		b, err := Translations.ReadFile("translations/" + l + ".json")
		if err != nil {
			tablesErr = fmt.Errorf("translations: %w", err)
			return
		}
		t := make(map[string]string)
		if err := json.Unmarshal(b, &t); err != nil {
			tablesErr = fmt.Errorf("translations %s: %w", l, err)
			return
		}
		tables[l] = t
	}
}
