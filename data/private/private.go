// Package private keeps a FloorDesk data folder, the desk's or the
// server's, to the user who runs it: the folder mode 0700 and the store's
// files in it 0600, on systems with Unix permissions. The folder holds
// guests' names, staff records and token hashes.
//
// Badger creates some of its files readable by all (as the umask allows),
// so a store calls Keep before and after opening Badger, and again after
// closing it; in between, the folder's own mode keeps others out of the
// files Badger adds. On Windows, where a user's application data is the
// user's alone through its access lists, nothing is changed.
package private

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Folder creates dir (mode 0700) when it is missing, and takes the group's
// and others' permissions off dir and off the store's files in it. Other
// files, which a folder named by mistake may hold, are left alone. It
// returns the paths it had to tighten, for the caller to report, and stops
// at the first it could not.
func Folder(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	if runtime.GOOS == "windows" {
		return nil, nil
	}
	var tightened []string
	err := storePaths(dir, func(path string, mode fs.FileMode) error {
		if mode&0o077 == 0 {
			return nil
		}
		tightened = append(tightened, path)
		return os.Chmod(path, mode&^0o077)
	})
	if err != nil {
		return tightened, fmt.Errorf("data folder: %w", err)
	}
	return tightened, nil
}

// Loose lists dir and the store's files in it that the group or others may
// use, with their modes: none after Folder, and none on Windows.
func Loose(dir string) ([]string, error) {
	if runtime.GOOS == "windows" {
		return nil, nil
	}
	var loose []string
	err := storePaths(dir, func(path string, mode fs.FileMode) error {
		if mode&0o077 != 0 {
			loose = append(loose, path+" "+mode.String())
		}
		return nil
	})
	return loose, err
}

// Keep runs Folder on dir and reports to log: a warning naming how many
// paths were tightened when warnTightened is set (a folder found open is
// worth an administrator's look; Badger's own new files are not), and
// one when something could not be tightened. It is for a store opening or
// closing, which goes on either way.
func Keep(dir string, log *slog.Logger, warnTightened bool) {
	tightened, err := Folder(dir)
	if warnTightened && len(tightened) > 0 {
		log.Warn("the data folder was open to other users: made private (folder 0700, files 0600)", "dir", dir, "paths", len(tightened))
	}
	if err != nil {
		log.Warn("the data folder could not be made private", "dir", dir, "err", err)
	}
}

// storePaths calls fn with dir and each of the store's files in it, and
// their permissions.
func storePaths(dir string, fn func(path string, mode fs.FileMode) error) error {
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if err := fn(dir, info.Mode().Perm()); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !StoreFile(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err == nil {
			err = fn(filepath.Join(dir, e.Name()), info.Mode().Perm())
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) { // Badger may remove a file meanwhile
			return err
		}
	}
	return nil
}

// StoreFile reports whether name is one of Badger's files.
func StoreFile(name string) bool {
	switch name {
	case "MANIFEST", "KEYREGISTRY", "LOCK", "DISCARD":
		return true
	}
	for _, ext := range []string{".sst", ".vlog", ".mem"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
