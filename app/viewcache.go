package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"floordesk/data/wire"
)

// A command reads the view it acts on, the store folds its event into
// that view and files the view before and after in its indexes, and the
// command reads the view again to answer: the same JSON was decoded four
// times, most of what a command cost beyond its fsync (issue 12).
//
// decoded keeps the latest views by entity, each beside the exact bytes
// it was decoded from or encoded to, so each of those steps finds it
// decoded. A lookup compares the bytes in full: a view changed in any way,
// at this desk or by sync, misses and is decoded again, so a cached value
// is always what decoding its bytes gives. Cached values are never
// changed; whoever takes one gets a deep copy (clone).
var decoded = newViewCache(cachedViews)

// listed is the same for the views the screens list (decodeInto): a
// screen is read again after every change and on its clock, and most of
// its rows have not changed, so a list costs reading its views and
// decoding only those that changed. Apart from decoded, so a long list
// does not push out the views commands need.
var listed = newViewCache(listedViews)

// cachedViews bounds the entities the commands' cache holds: enough for
// the views a desk's commands read over and over (staff, the set-up, the
// entities being worked on), small next to the store's own caches.
// listedViews bounds the lists' cache: more than the open records of a
// busy hotel's screens (open requests, loans, held items, keys), and a
// few megabytes of memory; a longer list (a year of history) only misses.
const (
	cachedViews = 512
	listedViews = 2048
)

type viewCache struct {
	mu    sync.Mutex
	limit int
	byRef map[wire.EntityRef][2]*cachedView // the latest, and the one before
}

func newViewCache(limit int) *viewCache {
	return &viewCache{limit: limit, byRef: map[wire.EntityRef][2]*cachedView{}}
}

type cachedView struct {
	view []byte
	val  any // a *T; never changed once cached
}

// get returns what is cached for exactly these bytes of ref, or nil.
func (c *viewCache) get(ref wire.EntityRef, view []byte) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.byRef[ref] {
		if e != nil && bytes.Equal(e.view, view) {
			return e.val
		}
	}
	return nil
}

// put caches val as the decoding of view. The view before stays too: the
// store files the view before a fold beside the one after it. Neither
// view nor val may be changed afterwards.
func (c *viewCache) put(ref wire.EntityRef, view []byte, val any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	held, ok := c.byRef[ref]
	if !ok && len(c.byRef) >= c.limit {
		for r := range c.byRef { // any one: a map's order is random
			delete(c.byRef, r)
			break
		}
	}
	if held[0] != nil && bytes.Equal(held[0].view, view) {
		held[0] = held[1]
	}
	c.byRef[ref] = [2]*cachedView{{view: view, val: val}, held[0]}
}

// decodeView returns view decoded as a T of its own, from the cache when
// it holds these bytes, else decoded and cached.
func decodeView[T any](ref wire.EntityRef, view []byte) (*T, error) {
	return decodeVia[T](decoded, ref, view, false)
}

// listedView is decodeView for the screens' lists, through the listed
// cache. view may be a buffer the store reuses: the cache keeps a copy.
func listedView[T any](ref wire.EntityRef, view []byte) (*T, error) {
	return decodeVia[T](listed, ref, view, true)
}

// decodeVia returns view decoded as a T of its own through cache c;
// reused says view is a buffer its owner reuses, so c keeps a copy.
func decodeVia[T any](c *viewCache, ref wire.EntityRef, view []byte, reused bool) (*T, error) {
	if p, ok := c.get(ref, view).(*T); ok {
		checkCached(view, p)
		return clone(p), nil
	}
	p := new(T)
	if err := json.Unmarshal(view, p); err != nil {
		return nil, err
	}
	if reused {
		view = bytes.Clone(view)
	}
	c.put(ref, view, clone(p))
	return p, nil
}

// DecodeView decodes a view a register read from the store itself (from
// an index), through the decoded-view cache: for the few views a command
// reads every time, such as the loss reports a found item is matched
// against. Decode a long list directly instead: its views would push the
// ones commands need out of the cache.
func DecodeView[T any](ref wire.EntityRef, view []byte) (T, error) {
	p, err := decodeView[T](ref, view)
	if err != nil {
		var zero T
		return zero, err
	}
	return *p, nil
}

// peekView is decodeView for a reader that changes nothing: a cached
// value is shared with it, and a view not cached is decoded and not
// cached (rebuilding the indexes reads every view once).
func peekView[T any](ref wire.EntityRef, view []byte) (*T, error) {
	if p, ok := decoded.get(ref, view).(*T); ok {
		checkCached(view, p)
		return p, nil
	}
	p := new(T)
	return p, json.Unmarshal(view, p)
}

// sharedView is decodeView for a reader that changes nothing and reads
// the same view over and over (the room list a command checks a number
// against): the cached value itself, shared with every such reader and
// the cache, so a read copies nothing.
func sharedView[T any](ref wire.EntityRef, view []byte) (*T, error) {
	if p, ok := decoded.get(ref, view).(*T); ok {
		checkCached(view, p)
		return p, nil
	}
	p := new(T)
	if err := json.Unmarshal(view, p); err != nil {
		return nil, err
	}
	decoded.put(ref, view, p)
	return p, nil
}

// verifyCache makes every value taken from the cache be checked against
// a fresh decoding of its bytes (see VerifyViewCache).
var verifyCache atomic.Bool

// VerifyViewCache turns on, until the test ends, a check of every
// decoded view the domain takes from its cache: it is decoded again from
// its bytes and compared in full, and a difference panics. It doubles the
// cost of reading a view; the registers' test fixture turns it on.
func VerifyViewCache(t interface{ Cleanup(func()) }) {
	verifyCache.Store(true)
	t.Cleanup(func() { verifyCache.Store(false) })
}

func checkCached[T any](view []byte, cached *T) {
	if !verifyCache.Load() {
		return
	}
	fresh := new(T)
	if err := json.Unmarshal(view, fresh); err != nil || !reflect.DeepEqual(fresh, cached) {
		panic(fmt.Sprintf("app: cached view differs from its bytes (%v):\n%s\ncached: %#v\nfresh:  %#v", err, view, cached, fresh))
	}
}

// clone returns a deep copy of *p as decoding its JSON would give it
// back: slices, maps, pointers and interfaces are copied all the way down
// (not through unexported fields, which decoded views do not have); a
// field encoding leaves out (json:"-", or an empty slice or map with
// omitempty) comes back zero.
func clone[T any](p *T) *T {
	c := new(T)
	copyInto(reflect.ValueOf(c).Elem(), reflect.ValueOf(p).Elem())
	return c
}

// copyInto sets dst, a settable value of src's type, to a clone of src.
func copyInto(dst, src reflect.Value) {
	plan := planOf(src.Type())
	if plan.flat {
		dst.Set(src)
		return
	}
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		c := reflect.New(src.Type().Elem())
		copyInto(c.Elem(), src.Elem())
		dst.Set(c)
	case reflect.Interface:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		c := reflect.New(src.Elem().Type()).Elem()
		copyInto(c, src.Elem())
		dst.Set(c)
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		c := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		copyElems(c, src)
		dst.Set(c)
	case reflect.Array:
		copyElems(dst, src)
	case reflect.Map:
		copyMap(dst, src)
	case reflect.Struct:
		copyFields(dst, src, plan.fields)
	default: // chan, func: shared
		dst.Set(src)
	}
}

func copyElems(dst, src reflect.Value) {
	if planOf(src.Type().Elem()).flat {
		reflect.Copy(dst, src)
		return
	}
	for i := range src.Len() {
		copyInto(dst.Index(i), src.Index(i))
	}
}

func copyMap(dst, src reflect.Value) {
	if src.IsNil() {
		dst.SetZero()
		return
	}
	c := reflect.MakeMapWithSize(src.Type(), src.Len())
	v := reflect.New(src.Type().Elem()).Elem()
	for it := src.MapRange(); it.Next(); {
		copyInto(v, it.Value())
		c.SetMapIndex(it.Key(), v)
	}
	dst.Set(c)
}

// copyFields copies a struct, then clones the fields fields names, or
// leaves them zero where encoding leaves them out.
func copyFields(dst, src reflect.Value, fields []fieldPlan) {
	dst.Set(src)
	for _, f := range fields {
		v := src.Field(f.index)
		if f.dropped || f.omitEmpty && (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) && v.Len() == 0 {
			dst.Field(f.index).SetZero()
			continue
		}
		copyInto(dst.Field(f.index), v)
	}
}

// copyPlan is what clone does with a type: a plain copy when flat, else
// for a struct, what it does with each field a plain copy does not clone.
type copyPlan struct {
	flat   bool
	fields []fieldPlan
}

type fieldPlan struct {
	index     int
	dropped   bool // json:"-"
	omitEmpty bool
}

// plans caches planOf's answer by type.
var plans sync.Map

// planOf says how to clone a t. A type is flat when a plain copy is its
// clone: no pointer, slice, map or interface inside (strings are
// immutable, and a time.Time's location is never changed), and no field
// encoding leaves out.
func planOf(t reflect.Type) *copyPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*copyPlan)
	}
	p := &copyPlan{flat: true}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.flat = false
	case reflect.Array:
		p.flat = planOf(t.Elem()).flat
	case reflect.Struct:
		if t != timeType {
			p.fields = fieldPlans(t)
			p.flat = len(p.fields) == 0
		}
	}
	plans.Store(t, p)
	return p
}

// fieldPlans lists the exported fields of struct type t that a plain
// copy does not clone.
func fieldPlans(t reflect.Type) []fieldPlan {
	var out []fieldPlan
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		fp := fieldPlan{index: i, dropped: name == "-" && opts == "",
			omitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty")}
		if f.IsExported() && (fp.dropped || !planOf(f.Type).flat) {
			out = append(out, fp)
		}
	}
	return out
}

var timeType = reflect.TypeFor[time.Time]()
