package kit

import (
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// OpenDocument writes a document that is not one the desk prints (a photo
// or a PDF attached to a record) into the prints folder as name, made safe
// for every system and prefixed with the time so an earlier copy stays,
// and opens it in the system's viewer, off the calling goroutine; the
// notice and done are Print's.
func (s *Session) OpenDocument(name string, write func(io.Writer) error, done func(path string)) {
	s.mu.Lock()
	p := s.printer
	s.mu.Unlock()
	file := s.Now().Format("20060102-150405") + "-" + SafeFileName(name)
	go func() {
		path, err := "", errors.New("no printer set")
		if p != nil {
			path, err = p.Show(file, write)
		}
		s.Notify(openNotice(p, path, err))
		if done != nil {
			done(path)
		}
	}()
}

// SafeFileName replaces the characters no system allows in a file name.
func SafeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
}

// openNotice says that a document opened in the viewer, or why not.
func openNotice(p Printer, path string, err error) string {
	if err == nil {
		return lang.L("kit.print_opened", map[string]string{"File": path})
	}
	return printNotice(p, path, err)
}
