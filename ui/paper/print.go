package paper

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// ErrViewer is wrapped by Folder.Print when the document was written but
// no viewer could be started for it: the file is there to open by hand.
var ErrViewer = errors.New("no viewer opened the document")

// Folder keeps printed documents in one folder (by default the data
// folder's name + "-prints", beside it) and opens each in the system's PDF
// viewer, from which the attendant prints.
type Folder struct {
	Dir string
	// Open shows a file in the system's viewer; nil uses OpenFile.
	Open func(path string) error
}

// PrintsDir is the prints folder beside a data folder: "…/FloorDesk-prints".
func PrintsDir(dataDir string) string { return filepath.Clean(dataDir) + "-prints" }

// Print writes a document to name in the folder with write (into a
// temporary file first, so a half-written document is never opened) and
// opens it. It returns the file's path. Three things can happen: the
// document is written and opened (nil); it cannot be written (an error
// naming the folder; nothing is left behind); or it is written but the
// viewer does not start (an error wrapping ErrViewer, with the path).
func (f Folder) Print(name string, write func(io.Writer) error) (string, error) {
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return "", fmt.Errorf("prints folder: %w", err)
	}
	path := filepath.Join(f.Dir, name)
	if err := writeFile(path, write); err != nil {
		return "", err
	}
	open := f.Open
	if open == nil {
		open = OpenFile
	}
	if err := open(path); err != nil {
		return path, fmt.Errorf("%w: %v", ErrViewer, err)
	}
	return path, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".print-*.tmp")
	if err != nil {
		return fmt.Errorf("print: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a rename there is nothing to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("print: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("print: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("print: %w", err)
	}
	return nil
}

// OpenFile opens a file in the system's program for its type: on Windows
// through the shell's file protocol handler (rundll32
// url.dll,FileProtocolHandler, as Fyne's OpenURL, but with the plain path,
// which survives Chinese and spaces in the user's folder), xdg-open on
// Linux and open on macOS. It waits up to two seconds for the launcher:
// one that fails at once (no viewer for PDF) is an error; one still
// running then is taken as the viewer starting.
func OpenFile(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(2 * time.Second):
		return nil // the launcher goes on; its goroutine reaps it
	}
}

// FileName is a document's file name: kind and id, safe on every system,
// with the time it was printed so a reprint keeps the earlier file:
// "tag-LF260303-D1-007-20260303-094100.pdf".
func FileName(kind, id string, at time.Time) string {
	safe := []rune(id)
	for i, r := range safe {
		if r < ' ' || r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' {
			safe[i] = '_'
		}
	}
	name := kind
	if len(safe) > 0 {
		name += "-" + string(safe)
	}
	return name + "-" + at.Format("20060102-150405") + ".pdf"
}
