package paper

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrViewer is wrapped by Folder.Print when the document was written but
// no viewer could be started for it: the file is there to open by hand.
var ErrViewer = errors.New("no viewer opened the document")

// ErrNotSent is wrapped by Folder.Print when the desk prints straight to
// the printer and the system would not take the document: it is open in
// the viewer instead, to print from there.
var ErrNotSent = errors.New("the printer did not take the document")

// Folder keeps printed documents in one folder (by default the data
// folder's name + "-prints", beside it) and opens each in the system's PDF
// viewer, from which the attendant prints, or, when Direct says so, sends
// it to the system's default printer.
type Folder struct {
	Dir string
	// Open shows a file in the system's viewer; nil uses OpenFile.
	Open func(path string) error
	// Direct tells, at each print, whether to send documents straight to
	// the default printer (a desk setting); nil never does.
	Direct func() bool
	// Send sends a file to the default printer; nil uses SendToPrinter.
	Send func(path string) error
}

// PrintsDir is the prints folder beside a data folder: "…/FloorDesk-prints".
func PrintsDir(dataDir string) string { return filepath.Clean(dataDir) + "-prints" }

// Print writes a document to name in the folder with write (into a
// temporary file first, so a half-written document is never opened) and
// opens it. It returns the file's path. Three things can happen: the
// document is written and opened (nil); it cannot be written (an error
// naming the folder; nothing is left behind); or it is written but the
// viewer does not start (an error wrapping ErrViewer, with the path).
//
// When Direct says so, the document goes to the default printer instead
// of the viewer; when the printer does not take it, it opens in the
// viewer and the error wraps ErrNotSent (or ErrViewer as well).
func (f Folder) Print(name string, write func(io.Writer) error) (string, error) {
	path, err := f.write(name, write)
	if err != nil {
		return path, err
	}
	if !f.Sends() {
		return path, f.open(path)
	}
	send := f.Send
	if send == nil {
		send = SendToPrinter
	}
	serr := send(path)
	if serr == nil {
		return path, nil
	}
	if err := f.open(path); err != nil {
		return path, fmt.Errorf("%w (%v); %w", ErrNotSent, serr, err)
	}
	return path, fmt.Errorf("%w: %v", ErrNotSent, serr)
}

// Sends tells whether Print sends documents straight to the printer now.
func (f Folder) Sends() bool { return f.Direct != nil && f.Direct() }

// Show writes a document that is opened, never printed straight away (a
// photo attached to a record), and opens it in the viewer; its errors are
// Print's without ErrNotSent.
func (f Folder) Show(name string, write func(io.Writer) error) (string, error) {
	path, err := f.write(name, write)
	if err != nil {
		return path, err
	}
	return path, f.open(path)
}

// write writes the document into the folder, made first when missing.
func (f Folder) write(name string, write func(io.Writer) error) (string, error) {
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return "", fmt.Errorf("prints folder: %w", err)
	}
	path := filepath.Join(f.Dir, name)
	if err := writeFile(path, write); err != nil {
		return "", err
	}
	return path, nil
}

// open opens path in the viewer; an error wraps ErrViewer.
func (f Folder) open(path string) error {
	open := f.Open
	if open == nil {
		open = OpenFile
	}
	if err := open(path); err != nil {
		return fmt.Errorf("%w: %v", ErrViewer, err)
	}
	return nil
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
	done, err := started(cmd)
	if err != nil {
		return err
	}
	select {
	case err := <-done:
		return err
	case <-time.After(2 * time.Second):
		return nil // the launcher goes on; its goroutine reaps it
	}
}

// started starts cmd and returns the channel its Wait's result comes on.
func started(cmd *exec.Cmd) (<-chan error, error) {
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	return done, nil
}

// SendToPrinter sends a PDF to the system's default printer: on Windows
// through the print verb of the program registered for PDF (PowerShell's
// Start-Process -Verb Print, as "Print" in Explorer's menu), elsewhere
// with CUPS's lp. It waits up to sendWait for the command: one that
// fails (no printer, no program that prints PDF) is an error.
func SendToPrinter(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		quoted := "'" + strings.ReplaceAll(path, "'", "''") + "'"
		cmd = exec.Command("powershell", "-NoProfile", "-NonInteractive", "-Command",
			"Start-Process -FilePath "+quoted+" -Verb Print -ErrorAction Stop")
	default:
		cmd = exec.Command("lp", "--", path)
	}
	out, err := runWithin(cmd, sendWait)
	if err != nil && len(out) > 0 {
		return fmt.Errorf("%w: %s", err, strings.TrimSpace(string(out)))
	}
	return err
}

// sendWait bounds how long SendToPrinter waits for the system to take a
// document.
const sendWait = 20 * time.Second

// runWithin runs cmd and returns what it wrote, or an error when it fails
// or has not ended within d (it is then stopped).
func runWithin(cmd *exec.Cmd, d time.Duration) ([]byte, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done, err := started(cmd)
	if err != nil {
		return nil, err
	}
	select {
	case err := <-done:
		return out.Bytes(), err
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		return out.Bytes(), fmt.Errorf("no answer within %s", d)
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
