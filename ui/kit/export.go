package kit

import (
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"runtime"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/export"
	"floordesk/export/xlsx"
)

// Column is one column of a list's export: its header, a translation
// key, and its cell for a record.
type Column[T any] struct {
	Head string
	Cell func(x T) export.Cell
}

// Text, Time and Number are a column's cells: export's, for short.
var (
	Text   = export.TextCell
	Time   = export.TimeCell
	Number = export.NumberCell
)

// WriteExport writes t in format f to w.
func WriteExport(w io.Writer, t export.Table, f export.Format) error {
	if f == export.CSV {
		return export.WriteCSV(w, t)
	}
	return xlsx.Write(w, t)
}

// ExportButton is a button offering the export formats; pick runs with
// the one picked, on the Fyne goroutine.
func ExportButton(pick func(export.Format)) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.L("kit.export"), theme.DownloadIcon(), func() {
		items := make([]*fyne.MenuItem, len(export.Formats))
		for i, f := range export.Formats {
			items[i] = fyne.NewMenuItem(formatName(f), func() { pick(f) })
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			return
		}
		widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu("", items...), c, fyne.NewPos(0, b.Size().Height), b)
	})
	b.Importance = widget.LowImportance
	return Reading(b)
}

// formatName is a format as the export menu offers it.
func formatName(f export.Format) string {
	if f == export.CSV {
		return lang.L("kit.export_csv")
	}
	return lang.L("kit.export_xlsx")
}

// AskExportFile asks for the file to save an export in with the save
// dialog, named name (see export.FileName), and calls save with what the
// dialog opened; nothing when the user cancels.
func AskExportFile(s *Session, name string, save func(w fyne.URIWriteCloser, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil && err == nil {
			return // cancelled
		}
		save(w, err)
	}, s.Window)
	d.SetFileName(name)
	d.Show()
}

// SaveExport writes t in format f to w, the file the save dialog opened
// (or err, why it could not open it), and tells the user in a notice
// where the file is, or why it is not: the folder cannot be written, the
// disk is full, a sheet cannot hold the table. A file left half written
// is removed. It reports the file's path, or the error. It may run on any
// goroutine, and takes as long as the writing.
func SaveExport(s *Session, t export.Table, f export.Format, w fyne.URIWriteCloser, err error) (string, error) {
	if err == nil {
		err = writeAndClose(w, t, f)
	}
	if err != nil {
		slog.Error("export", "format", f, "err", err)
		s.Notify(SayExport(err))
		return "", err
	}
	file := uriPath(w.URI())
	s.Notify(lang.L("kit.export_saved", map[string]string{"File": file}))
	return file, nil
}

func writeAndClose(w fyne.URIWriteCloser, t export.Table, f export.Format) error {
	err := WriteExport(w, t, f)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if derr := storage.Delete(w.URI()); derr != nil {
			slog.Warn("export: remove the file left half written", "file", w.URI(), "err", derr)
		}
	}
	return err
}

func uriPath(u fyne.URI) string {
	if u.Scheme() == "file" {
		return filepath.FromSlash(u.Path())
	}
	return u.String()
}

// SayExport says in the user's language why an export was not saved and
// what to do; the folder named when the error names it.
func SayExport(err error) string {
	var lim *export.LimitError
	var errno syscall.Errno
	switch {
	case errors.As(err, &lim) && lim.Limit == export.LimitRows:
		return lang.L("kit.export_too_many_rows", map[string]int{"Max": lim.Max - 1})
	case errors.As(err, &lim):
		return lang.L("kit.export_cell_too_long", map[string]int{"Row": lim.Row, "Max": lim.Max})
	case errors.As(err, &errno) && diskFull(errno):
		return lang.L("kit.export_disk_full")
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.EROFS),
		errors.Is(err, syscall.ENOTDIR), errors.Is(err, syscall.EISDIR):
		if folder := folderOf(err); folder != "" {
			return lang.L("kit.export_folder", map[string]string{"Folder": folder})
		}
		return lang.L("kit.export_folder_unnamed")
	}
	return lang.L("kit.export_failed")
}

// folderOf is the folder of the file err names, or "".
func folderOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return filepath.Dir(pe.Path)
	}
	return ""
}

// diskFull tells a full disk: ENOSPC or EDQUOT, or on Windows
// ERROR_HANDLE_DISK_FULL (39) and ERROR_DISK_FULL (112).
func diskFull(errno syscall.Errno) bool {
	if runtime.GOOS == "windows" {
		return errno == 39 || errno == 112
	}
	return errno == syscall.ENOSPC || errno == syscall.EDQUOT
}
