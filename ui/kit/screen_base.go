package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// ScreenBase answers the Screen methods that only say what a screen is and
// hand over what it built: ID, Title, Icon and Content. A screen embeds
// it, sets it with NewScreenBase once its build has made the content, and
// implements Refresh, Show and Shortcuts itself. Use it on the Fyne
// goroutine, as the Screen it is part of.
//
// It has no SearchEntry: a screen with a search field implements Searcher
// itself, so that the shell finds a search field only where there is one.
type ScreenBase struct {
	id       string
	titleKey string
	icon     func() fyne.Resource
	content  fyne.CanvasObject
}

// NewScreenBase returns the base of the screen id ("keys"), whose title
// is the translation of titleKey, whose icon is what icon returns (a
// theme icon function such as theme.AccountIcon, or nil for none), and
// whose content is content.
func NewScreenBase(id, titleKey string, icon func() fyne.Resource, content fyne.CanvasObject) ScreenBase {
	return ScreenBase{id: id, titleKey: titleKey, icon: icon, content: content}
}

// ID is the id given to NewScreenBase.
func (b *ScreenBase) ID() string { return b.id }

// Title is the title key translated into the language spoken when Title
// is called, so that a shell built again after a change of language shows
// the new one.
func (b *ScreenBase) Title() string { return lang.L(b.titleKey) }

// Icon is the icon of the theme in use when Icon is called, or nil for
// none.
func (b *ScreenBase) Icon() fyne.Resource {
	if b.icon == nil {
		return nil
	}
	return b.icon()
}

// Content is the content given to NewScreenBase.
func (b *ScreenBase) Content() fyne.CanvasObject { return b.content }
