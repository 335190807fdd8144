package ui

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
)

// Preferences are what Fyne remembers for the desk (the file dialog's
// last folder and view), kept in a file beside the desk's data folder, one
// set per data folder, instead of Fyne's one file per user. Each change
// writes the whole file to a temporary file, syncs it and renames it over
// the last, so a desk killed at any moment leaves the old set or the new
// one, never half of one. Safe for use from any goroutine.
type Preferences struct {
	path string

	mu        sync.Mutex
	values    map[string]any
	listeners []func()
}

var _ fyne.Preferences = (*Preferences)(nil)

// PreferencesPath is the preferences file of the data folder dir.
func PreferencesPath(dir string) string { return filepath.Clean(dir) + "-preferences.json" }

// OpenPreferences reads the preferences of the data folder dir (one desk
// process a data folder: the store's lock sees to it). A missing
// file is an empty set; so is one that does not read (written by hand, a
// broken disk), which is logged and replaced at the next change.
func OpenPreferences(dir string) *Preferences {
	p := &Preferences{path: PreferencesPath(dir), values: map[string]any{}}
	os.Remove(p.path + ".tmp") // a write cut short: the file holds the set before it
	b, err := os.ReadFile(p.path)
	if err != nil {
		if !os.IsNotExist(err) {
			slog.Warn("preferences unreadable, starting empty", "path", p.path, "err", err)
		}
		return p
	}
	if err := json.Unmarshal(b, &p.values); err != nil {
		slog.Warn("preferences unreadable, starting empty", "path", p.path, "err", err)
		p.values = map[string]any{}
	}
	return p
}

// UsePreferences makes p the preferences of the running app a: Fyne's
// dialogs ask fyne.CurrentApp() for them. It returns the app to use.
func UsePreferences(a fyne.App, p *Preferences) fyne.App {
	d := deskApp{App: a, prefs: p}
	fyne.SetCurrentApp(d)
	return d
}

// deskApp is the Fyne app with the desk's preferences.
type deskApp struct {
	fyne.App
	prefs *Preferences
}

func (a deskApp) Preferences() fyne.Preferences { return a.prefs }

// set stores v under key (nil removes it), writes the file and tells the
// listeners.
func (p *Preferences) set(key string, v any) {
	p.mu.Lock()
	if v == nil {
		delete(p.values, key)
	} else {
		p.values[key] = v
	}
	err := p.write()
	listeners := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	if err != nil {
		slog.Error("save preferences", "path", p.path, "err", err)
	}
	for _, l := range listeners {
		l()
	}
}

// write replaces the file with the values, atomically; p.mu is held.
func (p *Preferences) write() error {
	b, err := json.Marshal(p.values)
	if err != nil {
		return err
	}
	dir := filepath.Dir(p.path)
	tmp, err := os.OpenFile(p.path+".tmp", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("preferences: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("preferences: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("preferences: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("preferences: %w", err)
	}
	if err := os.Rename(tmp.Name(), p.path); err != nil {
		return fmt.Errorf("preferences: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the system allows a folder to be
// synced (not on Windows, where the rename is).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// value is the stored value of key as T, or fallback.
func value[T any](p *Preferences, key string, fallback T, conv func(any) (T, bool)) T {
	p.mu.Lock()
	v, ok := p.values[key]
	p.mu.Unlock()
	if !ok {
		return fallback
	}
	if t, ok := conv(v); ok {
		return t
	}
	return fallback
}

func asBool(v any) (bool, bool)     { b, ok := v.(bool); return b, ok }
func asString(v any) (string, bool) { s, ok := v.(string); return s, ok }
func asFloat(v any) (float64, bool) { f, ok := v.(float64); return f, ok }
func asInt(v any) (int, bool)       { f, ok := v.(float64); return int(f), ok }
func asList[T any](conv func(any) (T, bool)) func(any) ([]T, bool) {
	return func(v any) ([]T, bool) {
		items, ok := v.([]any)
		if !ok {
			return nil, false
		}
		out := make([]T, 0, len(items))
		for _, it := range items {
			t, ok := conv(it)
			if !ok {
				return nil, false
			}
			out = append(out, t)
		}
		return out, true
	}
}

// toAny stores a list as the JSON file reads it back.
func toAny[T any](list []T) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}

func (p *Preferences) Bool(key string) bool { return p.BoolWithFallback(key, false) }
func (p *Preferences) BoolWithFallback(key string, fallback bool) bool {
	return value(p, key, fallback, asBool)
}
func (p *Preferences) SetBool(key string, v bool) { p.set(key, v) }
func (p *Preferences) BoolList(key string) []bool { return p.BoolListWithFallback(key, nil) }
func (p *Preferences) BoolListWithFallback(key string, fallback []bool) []bool {
	return value(p, key, fallback, asList(asBool))
}
func (p *Preferences) SetBoolList(key string, v []bool) { p.set(key, toAny(v)) }

func (p *Preferences) Float(key string) float64 { return p.FloatWithFallback(key, 0) }
func (p *Preferences) FloatWithFallback(key string, fallback float64) float64 {
	return value(p, key, fallback, asFloat)
}
func (p *Preferences) SetFloat(key string, v float64) { p.set(key, v) }
func (p *Preferences) FloatList(key string) []float64 { return p.FloatListWithFallback(key, nil) }
func (p *Preferences) FloatListWithFallback(key string, fallback []float64) []float64 {
	return value(p, key, fallback, asList(asFloat))
}
func (p *Preferences) SetFloatList(key string, v []float64) { p.set(key, toAny(v)) }

func (p *Preferences) Int(key string) int { return p.IntWithFallback(key, 0) }
func (p *Preferences) IntWithFallback(key string, fallback int) int {
	return value(p, key, fallback, asInt)
}
func (p *Preferences) SetInt(key string, v int) { p.set(key, float64(v)) }
func (p *Preferences) IntList(key string) []int { return p.IntListWithFallback(key, nil) }
func (p *Preferences) IntListWithFallback(key string, fallback []int) []int {
	return value(p, key, fallback, asList(asInt))
}
func (p *Preferences) SetIntList(key string, v []int) {
	f := make([]float64, len(v))
	for i, n := range v {
		f[i] = float64(n)
	}
	p.set(key, toAny(f))
}

func (p *Preferences) String(key string) string { return p.StringWithFallback(key, "") }
func (p *Preferences) StringWithFallback(key, fallback string) string {
	return value(p, key, fallback, asString)
}
func (p *Preferences) SetString(key string, v string) { p.set(key, v) }
func (p *Preferences) StringList(key string) []string { return p.StringListWithFallback(key, nil) }
func (p *Preferences) StringListWithFallback(key string, fallback []string) []string {
	return value(p, key, fallback, asList(asString))
}
func (p *Preferences) SetStringList(key string, v []string) { p.set(key, toAny(v)) }

// RemoveValue forgets key.
func (p *Preferences) RemoveValue(key string) { p.set(key, nil) }

// AddChangeListener calls fn after each change.
func (p *Preferences) AddChangeListener(fn func()) {
	p.mu.Lock()
	p.listeners = append(p.listeners, fn)
	p.mu.Unlock()
}

// ChangeListeners are the functions called after each change.
func (p *Preferences) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}
