package demo

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Demo data: a believable hotel with months of history, deterministic for
// a seed. The set-up (rooms, desks, staff, keys, item types) goes through
// the commands; the history is made by generators that give their events
// record by record, appended in batches (with the store's AppendBulk when
// it has one), so a demo of hundreds of thousands of records is quick and
// its memory does not grow with its size.

// DemoOptions shapes the demo.
type DemoOptions struct {
	Seed uint64
	Size int       // history records (requests, loans, key loans, found items...); 0 = 2000
	Days int       // days of history; 0 = what Size is at PerDay, and at least 90
	End  time.Time // "now" for the history; zero = the Service clock
	// Progress, when set, is told how many of the history's records are
	// made, after each register's share, and how many there will be (Size
	// shared among the registers by weight, rounded down).
	Progress func(done, total int)
}

// PerDay is the records a day of the demo hotel's history when the
// options give no days: a 300-room hotel writes about 60,000 a year
// (issue 12). A bigger demo is a longer history, not a busier hotel, so
// what is open at once stays the same: 700,000 records are some 11 years.
const PerDay = 165

// DemoPIN is every demo staff member's PIN.
const DemoPIN = "1234"

func init() {
	app.RegisterMessages(map[string]string{
		"demo.not_empty": "Demo data goes only into an empty desk — start with a new data folder.",
	})
}

// Demo fills an empty store with a hotel of 12 floors × 25 rooms, 3 desks,
// 30 staff (PIN DemoPIN; S01 is a supervisor), 40 keys, 15 loanable item
// types and opts.Size records of history. It swaps the Service's clock and
// ID source while it runs: call it before the Service is used elsewhere.
// ErrConflict when the store already has staff.
func Demo(s *app.Service, opts DemoOptions) error {
	opts = demoDefaults(s, opts)
	if any, err := s.HasStaff(); err != nil || any {
		if err == nil {
			err = app.Conflicting("demo.not_empty")
		}
		return err
	}
	w := newDemoWorld(opts)
	restore := demoMode(s, w, opts)
	defer restore()
	if err := demoSetup(s, w); err != nil {
		return fmt.Errorf("demo set-up: %w", err)
	}
	return demoHistory(s, w, opts.Size, opts.Progress)
}

func demoDefaults(s *app.Service, o DemoOptions) DemoOptions {
	if o.Size <= 0 {
		o.Size = 2000
	}
	if o.Days <= 0 {
		o.Days = max(90, o.Size/PerDay)
	}
	if o.End.IsZero() {
		o.End = s.Clock()
	}
	o.End = o.End.UTC().Truncate(time.Minute)
	return o
}

func newDemoWorld(o DemoOptions) *app.DemoWorld {
	r := rand.New(rand.NewPCG(o.Seed, 0xF100D))
	ids := rand.New(rand.NewPCG(o.Seed, 0x1D5))
	return &app.DemoWorld{
		Rand: r, Start: o.End.AddDate(0, 0, -o.Days), End: o.End,
		Desks: []string{"D1", "D2", "D3"}, Shifts: map[string]app.Shift{}, Names: map[string]string{},
		NewID: func() string { return demoUUID(ids) },
	}
}

// demoUUID is a UUIDv7-shaped ID from r, so demo entity IDs repeat.
func demoUUID(r *rand.Rand) string {
	a, b := r.Uint64(), r.Uint64()
	a = a&^0xF000 | 0x7000
	b = b&^(0xC<<60) | 0x8<<60
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, a>>16&0xFFFF, a&0xFFFF, b>>48, b&0xFFFFFFFFFFFF)
}

// demoMode points the Service's clock, IDs and salts at the demo; the
// returned func puts them back.
func demoMode(s *app.Service, w *app.DemoWorld, o DemoOptions) func() {
	clock, newID, rnd, desk := s.Clock, s.NewID, s.Rand, s.DeskCode
	start := w.Start.Add(-24 * time.Hour)
	s.Clock, s.NewID, s.DeskCode = func() time.Time { return start }, w.NewID, "D1"
	s.Rand = randReader{rand.New(rand.NewPCG(o.Seed, 0x5A17))}
	return func() { s.Clock, s.NewID, s.Rand, s.DeskCode = clock, newID, rnd, desk }
}

type randReader struct{ r *rand.Rand }

func (r randReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.r.Uint32())
	}
	return len(p), nil
}

var _ io.Reader = randReader{}

// demoSetup makes the hotel through the commands, and fills w.
func demoSetup(s *app.Service, w *app.DemoWorld) error {
	steps := []func(*app.Service, *app.DemoWorld) error{demoStaff, demoRooms, demoDesks}
	for _, m := range app.Modules() {
		if m.DemoSetup != nil {
			steps = append(steps, m.DemoSetup)
		}
	}
	for _, step := range append(steps, demoItems) {
		if err := step(s, w); err != nil {
			return err
		}
	}
	return nil
}

var demoSurnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡"}
var demoGiven = []string{"芳", "娜", "伟", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"}

func demoStaff(s *app.Service, w *app.DemoWorld) error {
	shifts := []string{"morning", "evening", "night"}
	for i := 1; i <= 30; i++ {
		in := app.NewStaff{Number: fmt.Sprintf("S%02d", i), Name: app.Pick(w.Rand, demoSurnames) + app.Pick(w.Rand, demoGiven),
			Department: "housekeeping", Role: app.RoleAttendant, PIN: DemoPIN, Shift: shifts[i%3]}
		var err error
		switch {
		case i == 1:
			_, err = s.FirstSupervisor(in)
		case i <= 3:
			in.Role = app.RoleSupervisor
			_, err = s.AddStaff("S01", in)
		default:
			_, err = s.AddStaff("S01", in)
			w.Staff = append(w.Staff, in.Number)
			w.Shifts[in.Number], w.Names[in.Number] = demoShift(in.Shift), in.Name
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// demoShift is the default set-up's shift of that name.
func demoShift(name string) app.Shift {
	for _, sh := range app.DefaultHotel().Shifts {
		if sh.Name == name {
			return sh
		}
	}
	return app.Shift{}
}

var demoRoomTypes = []string{"king", "twin", "king", "twin", "suite"}

func demoRooms(s *app.Service, w *app.DemoWorld) error {
	var csv strings.Builder
	csv.WriteString("floor,room,type\n")
	for floor := 1; floor <= 12; floor++ {
		for n := 1; n <= 25; n++ {
			room := fmt.Sprintf("%02d%02d", floor, n)
			fmt.Fprintf(&csv, "%d,%s,%s\n", floor, room, demoRoomTypes[n%len(demoRoomTypes)])
			w.Rooms = append(w.Rooms, room)
		}
	}
	_, err := s.ImportRooms("S01", "demo-rooms.csv", strings.NewReader(csv.String()))
	return err
}

func demoDesks(s *app.Service, w *app.DemoWorld) error {
	for i, code := range w.Desks {
		floors := []int{4*i + 1, 4*i + 2, 4*i + 3, 4*i + 4}
		if _, err := s.SetDesk("S01", code, fmt.Sprintf("%d–%d层服务台", floors[0], floors[3]), floors); err != nil {
			return err
		}
	}
	return nil
}

func demoItems(s *app.Service, w *app.DemoWorld) error {
	for _, in := range DemoItemTypes(w.Desks) {
		it, err := s.SetItemType("S01", in)
		if err != nil {
			return err
		}
		w.Items = append(w.Items, it)
	}
	return nil
}

// demoHistory shares size among the generators by weight and appends
// their events in batches as they make them.
func demoHistory(s *app.Service, w *app.DemoWorld, size int, progress func(done, total int)) error {
	gens := demoGenerators()
	total := 0
	for _, g := range gens {
		total += g.Weight
	}
	shares := make([]int, len(gens))
	planned := 0
	for i, g := range gens {
		shares[i] = size * g.Weight / max(total, 1)
		planned += shares[i]
	}
	done := 0
	sink := &demoSink{st: s.Store()}
	for i, g := range gens {
		n := shares[i]
		err := g.Make(w, n, sink.add)
		if err == nil {
			err = sink.flush()
		}
		if err != nil {
			return fmt.Errorf("demo %s: %w", g.Name, err)
		}
		if done += n; progress != nil {
			progress(done, planned)
		}
	}
	return nil
}

// demoBatch is how many events of history the demo holds before it
// appends them: enough for AppendBulk to keep Badger writing one
// transaction while it builds the next (about 16 MB).
const demoBatch = 16384

// demoSink appends the records a generator makes, demoBatch events at a
// time, so the demo's memory does not grow with its size.
type demoSink struct {
	st  app.Store
	buf []wire.Event
}

func (k *demoSink) add(evs ...wire.Event) error {
	k.buf = append(k.buf, evs...)
	if len(k.buf) < demoBatch {
		return nil
	}
	return k.flush()
}

// bulkStore is a store that takes a long history in large transactions,
// as *data.Store does; the demo appends through it when it can.
type bulkStore interface {
	AppendBulk(evs []wire.Event) error
}

// flush appends what the sink holds.
func (k *demoSink) flush() error {
	var err error
	if bs, ok := k.st.(bulkStore); ok {
		err = bs.AppendBulk(k.buf)
	} else {
		err = demoAppend(k.st, k.buf)
	}
	clear(k.buf)
	k.buf = k.buf[:0]
	return err
}

// demoAppend appends evs in batches, halving a batch the store finds too
// big (AppendAll is all or nothing, so a retry is safe).
func demoAppend(st app.Store, evs []wire.Event) error {
	size := 500
	for len(evs) > 0 {
		n := min(len(evs), size)
		_, err := st.AppendAll(evs[:n])
		if err != nil && n > 1 {
			size = max(n/2, 1)
			continue
		}
		if err != nil {
			return err
		}
		evs, size = evs[n:], min(size*2, 500)
	}
	return nil
}

// demoGenerators lists every register's history generators by name.
func demoGenerators() []app.DemoGenerator {
	var gens []app.DemoGenerator
	for _, m := range app.Modules() {
		gens = append(gens, m.Demo...)
	}
	slices.SortFunc(gens, func(a, b app.DemoGenerator) int { return strings.Compare(a.Name, b.Name) })
	return gens
}

// DemoItemTypes is a believable set of 15 loanable item types with stock
// at each of desks. Adapters are tracked by asset tag.
func DemoItemTypes(desks []string) []app.ItemTypeInput {
	kinds := []struct {
		code, name string
		n          int
	}{
		{"hair_dryer", "吹风机 hair dryer", 6}, {"power_strip", "插线板 power strip", 8},
		{"adapter", "转换插头 plug adapter", 4}, {"iron", "熨斗 iron", 3},
		{"ironing_board", "熨衣板 ironing board", 2}, {"phone_charger", "手机充电器 phone charger", 10},
		{"umbrella", "雨伞 umbrella", 12}, {"baby_cot", "婴儿床 baby cot", 2},
		{"extra_pillow", "加枕 extra pillow", 10}, {"blanket", "毛毯 blanket", 8},
		{"humidifier", "加湿器 humidifier", 3}, {"kettle", "电水壶 kettle", 4},
		{"desk_lamp", "台灯 desk lamp", 3}, {"reading_glasses", "老花镜 reading glasses", 4},
		{"rollaway_bed", "加床 rollaway bed", 2},
	}
	out := make([]app.ItemTypeInput, len(kinds))
	for i, k := range kinds {
		in := app.ItemTypeInput{Code: k.code, Name: k.name, Stock: map[string]int{}}
		for _, d := range desks {
			in.Stock[d] = k.n
		}
		if k.code == "adapter" {
			in.Tags = demoTags(desks, "AD", k.n)
		}
		out[i] = in
	}
	return out
}

func demoTags(desks []string, prefix string, n int) map[string][]string {
	tags := map[string][]string{}
	for _, d := range desks {
		for i := 1; i <= n; i++ {
			tags[d] = append(tags[d], fmt.Sprintf("%s-%s-%02d", d, prefix, i))
		}
	}
	return tags
}
