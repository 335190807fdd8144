package group

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data"
	"floordesk/data/seal"
)

// MaxProperties is the most properties a group desk reads: the server's
// limit on a grant (server.MaxGroupProperties).
const MaxProperties = 50

// ErrBadGrant: the desk's grant lists no property, too many, or a name no
// server gives (a damaged setting); enrol the desk again.
var ErrBadGrant = errors.New("group grant: 1 to 50 property names expected")

// propertyRE is the server's rule for property names (server.ValidProperty):
// never a path separator, never "." or "..".
var propertyRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Property is one property the group desk reads: its store, the service
// the register screens and the dashboard's counts read it through, and
// its sync client.
type Property struct {
	Name  string
	Store *data.Store
	Svc   *app.Service
	Sync  *data.SyncClient
}

// Options say where the group desk keeps its copies and how it reaches
// the server.
type Options struct {
	Dir        string   // the desk's data folder; each property's store is in Dir/group/<property>
	Desk       string   // the desk's ID, kept by every copy
	Key        seal.Key // the desk's folder key, which encrypts every copy; nil: plain (tests)
	Properties []string // the grant's properties (data.GroupOf)
	Sync       data.SyncConfig
}

// Desk is an open group desk: its properties in the grant's order.
type Desk struct {
	Properties []*Property
	// Removed are the copies Open deleted: properties the grant no longer
	// lists (a new group code), whose guests' data the desk has no reason
	// to keep; the server still holds everything.
	Removed []string
}

// StoreDir is where property's copy lives under the desk's data folder.
func StoreDir(deskDir, property string) string {
	return filepath.Join(deskDir, "group", property)
}

// Open opens (or makes) the copy of every property in o.Properties and a
// pull-only sync client for each; Run starts them.
func Open(o Options) (*Desk, error) {
	if err := checkGrant(o.Properties); err != nil {
		return nil, err
	}
	d := &Desk{}
	for _, name := range o.Properties {
		p, err := openProperty(o, name)
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		d.Properties = append(d.Properties, p)
	}
	removed, err := pruneCopies(o.Dir, o.Properties)
	d.Removed = removed
	if err != nil {
		slog.Warn("a copy of a property no longer granted could not be removed", "err", err)
	}
	return d, nil
}

// pruneCopies deletes the copies under dir/group of properties not in
// keep: folders named as properties are that hold a store (a Badger
// MANIFEST); anything else there is left alone.
func pruneCopies(dir string, keep []string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "group"))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !propertyRE.MatchString(name) || slices.Contains(keep, name) {
			continue
		}
		if _, err := os.Stat(filepath.Join(StoreDir(dir, name), "MANIFEST")); err != nil {
			continue
		}
		if err := os.RemoveAll(StoreDir(dir, name)); err != nil {
			errs = append(errs, err)
			continue
		}
		slog.Info("removed the copy of a property the group grant no longer lists", "property", name)
		removed = append(removed, name)
	}
	return removed, errors.Join(errs...)
}

func checkGrant(names []string) error {
	if len(names) == 0 || len(names) > MaxProperties {
		return ErrBadGrant
	}
	for _, n := range names {
		if !propertyRE.MatchString(n) {
			return fmt.Errorf("%w: %q", ErrBadGrant, n)
		}
	}
	return nil
}

func openProperty(o Options, name string) (*Property, error) {
	st, err := data.Open(data.Options{Dir: StoreDir(o.Dir, name), Desk: o.Desk, Fold: app.Fold, FoldMany: app.FoldMany,
		Index: app.Index, IndexVersion: app.IndexVersion, Key: o.Key})
	if err != nil {
		return nil, err
	}
	personal.Attach(st)
	cfg := o.Sync
	cfg.Property, cfg.PullOnly = name, true
	return &Property{Name: name, Store: st, Svc: app.New(st, nil), Sync: data.NewSyncClient(st, cfg)}, nil
}

// Run syncs every property until ctx is done.
func (d *Desk) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for _, p := range d.Properties {
		wg.Go(func() { p.Sync.Run(ctx) })
	}
	wg.Wait()
}

// Close closes every property's store; call it once Run has returned.
func (d *Desk) Close() error {
	var errs []error
	for _, p := range d.Properties {
		errs = append(errs, p.Store.Close())
	}
	return errors.Join(errs...)
}

// Viewer is the group desk's actor at every property: no staff member of
// the property, with a role no command authorizes (app.Authorize refuses
// it), so the register screens show what an attendant sees without a
// button that acts.
func Viewer(desk string) app.Staff {
	return app.Staff{ID: "group:" + desk, Name: desk, Role: app.RoleGroupViewer}
}

// OptionsFor are the Options of the group desk whose own store is own
// (enrolled with a group code: data.GroupOf lists its properties): its
// folder, ID, server and token, and key (the folder's key).
func OptionsFor(own *data.Store, key seal.Key) (Options, error) {
	url, err := own.Setting(data.SettingServerURL)
	if err != nil {
		return Options{}, fmt.Errorf("group desk: %w", err)
	}
	token, err := own.Setting(data.SettingDeskToken)
	if err != nil {
		return Options{}, fmt.Errorf("group desk: %w", err)
	}
	return Options{Dir: own.Dir(), Desk: own.Desk(), Key: key, Properties: data.GroupOf(own),
		Sync: data.SyncConfig{URL: url, Token: token}}, nil
}
