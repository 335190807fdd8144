package app

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

type cloneProbe struct {
	Meta   `json:"meta"`
	Name   string              `json:"name"`
	At     time.Time           `json:"at"`
	Lines  []cloneLine         `json:"lines"`
	Tags   map[string][]string `json:"tags,omitempty"`
	Notes  []string            `json:"notes,omitempty"`
	Empty  []string            `json:"empty"`
	Detail *cloneLine          `json:"detail,omitempty"`
	Secret string              `json:"-"`
}

type cloneLine struct {
	Item  string   `json:"item"`
	Count int      `json:"count"`
	Tags  []string `json:"tags,omitempty"`
}

func probe() *cloneProbe {
	return &cloneProbe{
		Meta: Meta{Head: "e2", Events: 2, Steps: []Step{{ID: "e1"}, {ID: "e2"}},
			Conflicts: []Conflict{{ID: "e2", Params: map[string]string{"a": "b"}, Events: []string{"e1", "e2"}}}},
		Name: "probe", At: time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC),
		Lines: []cloneLine{{Item: "iron", Count: 1, Tags: []string{"T1"}}},
		Tags:  map[string][]string{"D1": {"A", "B"}}, Empty: []string{},
		Detail: &cloneLine{Item: "kettle", Tags: []string{"K1"}},
	}
}

func TestCloneSharesNothing(t *testing.T) {
	p := probe()
	c := clone(p)
	if !reflect.DeepEqual(p, c) {
		t.Fatalf("clone differs:\n%#v\n%#v", p, c)
	}
	c.Steps[0].ID = "x"
	c.Conflicts[0].Params["a"] = "x"
	c.Conflicts[0].Events[0] = "x"
	c.Lines[0].Tags[0] = "x"
	c.Tags["D1"][0] = "x"
	c.Detail.Tags[0] = "x"
	if !reflect.DeepEqual(p, probe()) {
		t.Fatalf("changing the clone changed the original: %#v", p)
	}
}

func TestCloneIsWhatDecodingGivesBack(t *testing.T) {
	p := probe()
	p.Notes, p.Tags, p.Secret = []string{}, map[string][]string{}, "kept out"
	p.Conflicts = p.Conflicts[:0] // resolved: empty, not nil
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back cloneProbe
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if c := clone(p); !reflect.DeepEqual(c, &back) {
		t.Fatalf("clone is not the decoding of its JSON:\n%#v\n%#v", c, &back)
	}
}

func TestDecodedViewFollowsItsBytes(t *testing.T) {
	VerifyViewCache(t)
	ref := Ref("probe", t.Name())
	first, _ := json.Marshal(probe())
	a, err := decodeView[cloneProbe](ref, first)
	if err != nil {
		t.Fatal(err)
	}
	a.Name = "changed by its reader"
	b, _ := decodeView[cloneProbe](ref, first)
	if b.Name != "probe" {
		t.Fatalf("a reader's change reached the cache: %q", b.Name)
	}
	changed := probe()
	changed.Name = "renamed"
	second, _ := json.Marshal(changed)
	decoded.put(ref, second, clone(changed))
	for view, want := range map[string]string{string(first): "probe", string(second): "renamed"} {
		got, _ := peekView[cloneProbe](ref, []byte(view))
		if got.Name != want {
			t.Errorf("view %.40s… decoded as %q, want %q", view, got.Name, want)
		}
	}
	other, _ := json.Marshal(&cloneProbe{Name: "another desk's"})
	if got, _ := decodeView[cloneProbe](ref, other); got.Name != "another desk's" {
		t.Fatalf("bytes the cache does not hold decoded as %q", got.Name)
	}
}

// A list read again gives what its bytes say, whatever the reader did to
// the rows it was given, and a view whose buffer the store reuses is
// not kept by the cache.
func TestListedViewFollowsItsBytes(t *testing.T) {
	VerifyViewCache(t)
	ref := Ref("probe", t.Name())
	first, _ := json.Marshal(probe())
	buf := append(make([]byte, 0, len(first)+64), first...)
	var rows []cloneProbe
	if err := decodeInto(&rows, ref, buf, nil); err != nil {
		t.Fatal(err)
	}
	rows[0].Lines[0].Item = "changed by the screen"
	rows = nil
	if err := decodeInto(&rows, ref, buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := rows[0].Lines[0].Item; got != "iron" {
		t.Fatalf("a reader's change reached the lists' cache: %q", got)
	}
	changed := probe()
	changed.Name = "renamed"
	next, _ := json.Marshal(changed)
	buf = append(buf[:0], next...) // the store reuses its buffer
	rows = nil
	if err := decodeInto(&rows, ref, buf[:len(next)], nil); err != nil {
		t.Fatal(err)
	}
	if rows[0].Name != "renamed" {
		t.Fatalf("the changed view listed as %q", rows[0].Name)
	}
}
