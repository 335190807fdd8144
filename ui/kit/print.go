package kit

import (
	"errors"
	"io"
	"log/slog"

	"fyne.io/fyne/v2/lang"

	"floordesk/ui/paper"
)

// Printer writes a document to a file and opens it in the system's viewer,
// which prints it (Fyne cannot print), or sends it to the default printer
// when the desk is set so (Sends). It returns the file's path; the errors
// are paper.Folder.Print's. Show writes a file to open, never to print.
type Printer interface {
	Print(name string, write func(io.Writer) error) (string, error)
	Show(name string, write func(io.Writer) error) (string, error)
	Sends() bool
}

var _ Printer = paper.Folder{}

// SetPrinter sets where Print puts documents; main sets a paper.Folder
// beside the data folder, tests a stand-in.
func (s *Session) SetPrinter(p Printer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.printer = p
}

// PaperDesk is what the printed documents need of this desk: the UI's
// language, the hotel's name and time zone, the desk's code, and names
// for staff IDs (nil prints the IDs).
func (s *Session) PaperDesk(names func(id string) string) paper.Desk {
	d := paper.Desk{Lang: Language(), Loc: s.Location(), Name: names, DeskName: s.DeskName}
	if s.Svc != nil {
		d.Code = s.Desk()
		if h, err := s.Svc.Settings(); err == nil {
			d.Hotel = h.Name
		}
	}
	return d
}

// Print writes a document (kind and id name its file, see paper.FileName)
// and opens it in the system's viewer, off the calling goroutine; then it
// says in a notice, in the user's language, that the document is open in
// the viewer, or what went wrong and what to do. done, when not nil, gets
// the file's path ("" when nothing was written) on Print's goroutine.
func (s *Session) Print(kind, id string, write func(io.Writer) error, done func(path string)) {
	s.mu.Lock()
	p := s.printer
	s.mu.Unlock()
	go func() {
		path, err := "", errors.New("no printer set")
		if p != nil {
			path, err = p.Print(paper.FileName(kind, id, s.Now()), write)
		}
		s.Notify(printNotice(p, path, err))
		if done != nil {
			done(path)
		}
	}()
}

func printNotice(p Printer, path string, err error) string {
	switch {
	case err == nil && p.Sends():
		return lang.L("kit.print_sent", map[string]string{"File": path})
	case err == nil:
		return lang.L("kit.print_opened", map[string]string{"File": path})
	case errors.Is(err, paper.ErrNotSent) && !errors.Is(err, paper.ErrViewer):
		slog.Warn("print: send to the printer", "path", path, "err", err)
		return lang.L("kit.print_not_sent", map[string]string{"File": path})
	case errors.Is(err, paper.ErrViewer):
		slog.Warn("print: open the document", "path", path, "err", err)
		return lang.L("kit.print_no_viewer", map[string]string{"File": path})
	}
	slog.Error("print: write the document", "err", err)
	folder := ""
	if f, ok := p.(paper.Folder); ok {
		folder = f.Dir
	}
	return lang.L("kit.print_failed", map[string]string{"Folder": folder})
}
