package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/version"
)

// Local settings the settings screen keeps in the store.
const (
	SettingLanguage = "ui.lang"  // "zh", "en" or "" for the system's
	SettingTheme    = "ui.theme" // "light", "dark" or "" for the system's
	SettingPrint    = "ui.print" // PrintDirect, or "" to open documents in the viewer
)

// PrintDirect is SettingPrint's value that sends printed documents
// straight to the PC's default printer (paper.SendToPrinter).
const PrintDirect = "direct"

// PrintsDirect tells whether the desk of svc sends documents straight to
// the printer (see SettingPrint); for paper.Folder.Direct.
func PrintsDirect(svc interface{ LocalSetting(string) (string, error) }) func() bool {
	return func() bool {
		v, _ := svc.LocalSetting(SettingPrint)
		return v == PrintDirect
	}
}

// Settings is the desk's own settings: language and light or dark theme,
// both applied at once.
type Settings struct {
	kit.ScreenBase
	s           *kit.Session
	setTheme    func(string)
	setLanguage func(string) error
	language    *widget.RadioGroup
	variant     *widget.RadioGroup
	printing    *widget.RadioGroup
	errs        *kit.FieldErrors
}

var _ kit.Screen = (*Settings)(nil)

// NewSettings builds the settings screen; setTheme applies a theme choice
// and setLanguage a language choice; either may be nil, and a language
// choice then shows from the next start.
func NewSettings(s *kit.Session, setTheme func(string), setLanguage func(string) error) *Settings {
	st := &Settings{s: s, setTheme: setTheme, setLanguage: setLanguage, errs: kit.NewFieldErrors()}
	langs := choices{{"", "shell.settings_follow_system"}, {Chinese, "shell.settings_chinese"}, {English, "shell.settings_english"}}
	themes := choices{{"", "shell.settings_follow_system"}, {"light", "shell.settings_light"}, {"dark", "shell.settings_dark"}}
	st.language = langs.radio(st.setting(SettingLanguage), st.saveLanguage)
	st.variant = themes.radio(st.setting(SettingTheme), st.saveTheme)
	prints := choices{{"", "shell.settings_print_viewer"}, {PrintDirect, "shell.settings_print_direct"}}
	st.printing = prints.radio(st.setting(SettingPrint), func(v string) { st.save(SettingPrint, v, "shell.settings_print_saved") })
	form := widget.NewForm(
		widget.NewFormItem(lang.L("shell.settings_language"), st.language),
		widget.NewFormItem(lang.L("shell.settings_theme"), st.variant),
		widget.NewFormItem(lang.L("shell.settings_print"), st.printing),
		widget.NewFormItem(lang.L("shell.settings_about"), widget.NewLabel(AboutText())))
	content := container.NewPadded(container.NewVBox(form, st.errs.Form()))
	st.ScreenBase = kit.NewScreenBase("settings", "shell.settings_title", theme.SettingsIcon, content)
	return st
}

// AboutText names this build and the sync protocol it speaks, for IT and
// support: "FloorDesk 1.2.0 · sync protocol 2".
func AboutText() string {
	return lang.L("shell.settings_about_text", map[string]any{"Version": version.String(), "Protocol": wire.Protocol})
}

func (st *Settings) setting(name string) string {
	v, _ := st.s.Svc.LocalSetting(name)
	return v
}

// save keeps a setting and confirms it with the text under confirm, if
// any; it reports whether the setting was kept.
func (st *Settings) save(name, value, confirm string) bool {
	if err := st.s.Svc.SetLocalSetting(name, value); err != nil {
		st.errs.Show(err)
		return false
	}
	st.errs.Clear()
	if confirm != "" {
		st.s.Notify(lang.L(confirm))
	}
	return true
}

// saveLanguage keeps the choice and has the desk speak it at once: the
// shell is built again, so this screen is left behind.
func (st *Settings) saveLanguage(v string) {
	if st.setLanguage == nil {
		st.save(SettingLanguage, v, "shell.settings_language_saved_restart")
		return
	}
	if !st.save(SettingLanguage, v, "") {
		return
	}
	if err := st.setLanguage(v); err != nil {
		st.errs.Show(err)
		return
	}
	st.s.Notify(lang.L("shell.settings_language_saved"))
}

func (st *Settings) saveTheme(v string) {
	st.save(SettingTheme, v, "shell.settings_theme_saved")
	if st.setTheme != nil {
		st.setTheme(v)
	}
}

// Refresh implements kit.Screen.
func (st *Settings) Refresh([]wire.EntityRef) {}

// Show implements kit.Screen.
func (st *Settings) Show(kind, id string) bool { return false }

// Shortcuts implements kit.Screen.
func (st *Settings) Shortcuts() []kit.Shortcut { return nil }

// Choose picks a language, theme or way of printing as a tap on its
// radio would, for tests.
func (st *Settings) Choose(setting, value string) {
	radio := st.language
	switch setting {
	case SettingTheme:
		radio = st.variant
	case SettingPrint:
		radio = st.printing
	}
	radio.SetSelected(radio.Options[choiceIndex(value)])
}

// choices are radio options: a stored value and its label's key.
type choices [][2]string

func (c choices) radio(current string, onChange func(string)) *widget.RadioGroup {
	labels := make([]string, len(c))
	sel := ""
	for i, ch := range c {
		labels[i] = lang.L(ch[1])
		if ch[0] == current {
			sel = labels[i]
		}
	}
	r := widget.NewRadioGroup(labels, nil)
	r.Required = true
	r.SetSelected(sel)
	r.OnChanged = func(label string) {
		for i, l := range labels {
			if l == label {
				onChange(c[i][0])
			}
		}
	}
	return r
}

func choiceIndex(value string) int {
	order := map[string]int{"": 0, Chinese: 1, English: 2, "light": 1, "dark": 2, PrintDirect: 1}
	return order[value]
}
