package app

import (
	"slices"
	"testing"
)

// coreKinds are the kinds the core keeps itself: staff and the hotel
// set-up. Every other kind belongs to exactly one register's Module.
var coreKinds = []string{KindStaff, KindHotel, KindRooms, KindDesk, KindItemType}

func TestModulesContribute(t *testing.T) {
	owner := map[string]string{}
	boards := 0
	for _, m := range Modules() {
		if err := CheckModule(m); err != nil {
			t.Error(err)
		}
		for _, k := range m.Kinds {
			if o, dup := owner[k]; dup || slices.Contains(coreKinds, k) {
				t.Errorf("kind %s kept by %s and by %q", k, m.Name, o)
			}
			owner[k] = m.Name
		}
		if m.BoardCount != nil {
			boards++
		}
	}
	for _, k := range RegisteredKinds() {
		if owner[k] == "" && !slices.Contains(coreKinds, k) {
			t.Errorf("kind %s is folded but no module keeps it", k)
		}
	}
	if boards > 1 {
		t.Errorf("%d modules count a board at handover; at most one may", boards)
	}
}

func TestCheckModuleNamesWhatIsMissing(t *testing.T) {
	ok := Module{Name: "toy", Kinds: []string{KindStaff}, NoHandover: "test", NoDemo: "test"}
	if err := CheckModule(ok); err != nil {
		t.Fatalf("complete module refused: %v", err)
	}
	for name, m := range map[string]Module{
		"no name":         {Kinds: ok.Kinds, NoHandover: "x", NoDemo: "x"},
		"no kinds":        {Name: "toy", NoHandover: "x", NoDemo: "x"},
		"no handover":     {Name: "toy", Kinds: ok.Kinds, NoDemo: "x"},
		"no demo":         {Name: "toy", Kinds: ok.Kinds, NoHandover: "x"},
		"kind not folded": {Name: "toy", Kinds: []string{"nothing"}, NoHandover: "x", NoDemo: "x"},
	} {
		if CheckModule(m) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
