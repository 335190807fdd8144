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
var decoded = viewCache{byRef: map[wire.EntityRef][2]*cachedView{}}

// cachedViews bounds the entities the cache holds: enough for the views a
// desk's commands read over and over (staff, the set-up, the entities
// being worked on), small next to the store's own caches.
const cachedViews = 512

type viewCache struct {
	mu    sync.Mutex
	byRef map[wire.EntityRef][2]*cachedView // the latest, and the one before
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
	if !ok && len(c.byRef) >= cachedViews {
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
	if p, ok := decoded.get(ref, view).(*T); ok {
		checkCached(view, p)
		return clone(p), nil
	}
	p := new(T)
	if err := json.Unmarshal(view, p); err != nil {
		return nil, err
	}
	decoded.put(ref, view, clone(p))
	return p, nil
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
	reflect.ValueOf(c).Elem().Set(deepCopy(reflect.ValueOf(p).Elem()))
	return c
}

func deepCopy(v reflect.Value) reflect.Value {
	t := v.Type()
	if flat(t) || isNil(v) {
		return v
	}
	switch t.Kind() {
	case reflect.Pointer:
		c := reflect.New(t.Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Interface:
		c := reflect.New(t).Elem()
		c.Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice, reflect.Array:
		return copyElems(v)
	case reflect.Map:
		c := reflect.MakeMapWithSize(t, v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	case reflect.Struct:
		return copyFields(v)
	}
	return v // chan, func: shared
}

func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Chan, reflect.Func:
		return v.IsNil()
	}
	return false
}

// copyElems copies a slice or an array element by element.
func copyElems(v reflect.Value) reflect.Value {
	var c reflect.Value
	if v.Kind() == reflect.Slice {
		c = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	} else {
		c = reflect.New(v.Type()).Elem()
	}
	if flat(v.Type().Elem()) {
		reflect.Copy(c, v)
		return c
	}
	for i := range v.Len() {
		c.Index(i).Set(deepCopy(v.Index(i)))
	}
	return c
}

// copyFields copies a struct field by field, leaving zero the fields
// encoding leaves out.
func copyFields(v reflect.Value) reflect.Value {
	t := v.Type()
	c := reflect.New(t).Elem()
	c.Set(v)
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case !f.IsExported():
		case f.Tag.Get("json") == "-", omitsEmpty(f) && isEmpty(v.Field(i)):
			c.Field(i).SetZero()
		case !flat(f.Type):
			c.Field(i).Set(deepCopy(v.Field(i)))
		}
	}
	return c
}

func omitsEmpty(f reflect.StructField) bool {
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	return slices.Contains(strings.Split(opts, ","), "omitempty")
}

func isEmpty(v reflect.Value) bool {
	k := v.Kind()
	return (k == reflect.Slice || k == reflect.Map) && v.Len() == 0
}

// flatTypes caches flat's answer by type.
var flatTypes sync.Map

// flat reports whether a plain copy of a t is its clone: no pointer,
// slice, map or interface inside (strings are immutable, and a
// time.Time's location is never changed), and no field tagged json:"-".
func flat(t reflect.Type) bool {
	if f, ok := flatTypes.Load(t); ok {
		return f.(bool)
	}
	f := true
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		f = false
	case reflect.Array:
		f = flat(t.Elem())
	case reflect.Struct:
		if t == timeType {
			break
		}
		for i := range t.NumField() {
			f = f && flat(t.Field(i).Type) && t.Field(i).Tag.Get("json") != "-"
		}
	}
	flatTypes.Store(t, f)
	return f
}

var timeType = reflect.TypeFor[time.Time]()
