package app

import (
	"slices"
	"strconv"
	"strings"
)

// Public areas are the places of the hotel that are not guest rooms: the
// lobby, the restaurants, a floor's corridor, a meeting room. A request
// (a guest in the lobby, a problem in a corridor) is for a room or for
// one of the hotel's areas, which a supervisor keeps (Hotel.Areas).

// Limits of the list of areas.
const (
	MaxAreas     = 200 // areas in the list
	MaxAreaRunes = 40  // characters in an area's name
)

// DefaultAreas are the areas of a new hotel, in the desk's words; a
// supervisor changes them in the settings.
var DefaultAreas = []string{"大堂", "前台", "餐厅", "大堂吧", "会议室", "电梯厅", "走廊", "健身房", "停车场"}

// checkAreas: each area named, within MaxAreaRunes, once; at most MaxAreas.
func checkAreas(areas []string) error {
	if len(areas) > MaxAreas {
		return Invalid("areas", "areas.too_many", "max", strconv.Itoa(MaxAreas), "count", strconv.Itoa(len(areas)))
	}
	for i, a := range areas {
		if err := FirstErr(Required("areas", a), MaxLen("areas", a, MaxAreaRunes)); err != nil {
			return err
		}
		if slices.Contains(areas[:i], a) {
			return Invalid("areas", "areas.duplicate", "area", a)
		}
	}
	return nil
}

// CleanAreas trims the names of areas typed one per line and drops the
// blank lines.
func CleanAreas(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// HotelAreas are the hotel's public areas: its list, or DefaultAreas
// before a supervisor sets one.
func (s *Service) HotelAreas() []string {
	h, err := s.Settings()
	if err != nil {
		return DefaultAreas
	}
	return h.PublicAreas()
}

// PublicAreas are the hotel's areas, or DefaultAreas before a supervisor
// sets them.
func (h Hotel) PublicAreas() []string {
	if h.Areas == nil {
		return DefaultAreas
	}
	return h.Areas
}

// CheckArea refuses an area not in the hotel's list, naming the field.
func (s *Service) CheckArea(field, area string) error {
	if slices.Contains(s.HotelAreas(), area) {
		return nil
	}
	return Invalid(field, "area.unknown", "area", area)
}

func init() {
	RegisterMessages(map[string]string{
		"areas.too_many":  "The list holds {count} areas; at most {max} — shorten it.",
		"areas.duplicate": "Area {area} is in the list twice — keep one.",
		"area.unknown":    "{area} is not one of the hotel's areas — pick one from the list, or ask a supervisor to add it.",
	})
}
